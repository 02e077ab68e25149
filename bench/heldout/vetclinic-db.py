#!/usr/bin/env python3
"""Writes the held-out 'vetclinic' SQLite database: a small chain of veterinary clinics (Jan 2023 - Jun 2025).

    python3 bench/heldout/vetclinic-db.py /tmp/vetclinic.sqlite

Standard library only and a fixed seed, so every run writes the same rows.
"""
import datetime as dt
import os
import random
import sqlite3
import sys

SCHEMA = """
CREATE TABLE clinics (
  clinic_id INTEGER PRIMARY KEY, clinic_name TEXT NOT NULL, city TEXT NOT NULL, state CHAR(2) NOT NULL,
  region TEXT NOT NULL, opened_on DATE NOT NULL, exam_rooms INTEGER NOT NULL, is_24hr INTEGER NOT NULL);
CREATE TABLE vets (
  vet_id INTEGER PRIMARY KEY, full_name TEXT NOT NULL, clinic_id INTEGER NOT NULL REFERENCES clinics(clinic_id),
  specialty TEXT, license_no TEXT NOT NULL, hire_date DATE NOT NULL, hourly_rate REAL NOT NULL,
  active INTEGER NOT NULL);
CREATE TABLE owners (
  owner_id INTEGER PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL, email TEXT, phone TEXT,
  city TEXT NOT NULL, zip TEXT, referral_src TEXT, created_at DATE NOT NULL);
CREATE TABLE pets (
  pet_id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL REFERENCES owners(owner_id), pet_name TEXT NOT NULL,
  species TEXT NOT NULL, breed TEXT, sex CHAR(1) NOT NULL, neutered INTEGER NOT NULL, dob DATE, weight_kg REAL,
  deceased_dt DATE);
CREATE TABLE services (
  svc_id INTEGER PRIMARY KEY, svc_code TEXT NOT NULL UNIQUE, svc_name TEXT NOT NULL, category TEXT NOT NULL,
  list_price REAL NOT NULL, est_minutes INTEGER NOT NULL);
CREATE TABLE appointments (
  appt_id INTEGER PRIMARY KEY, pet_id INTEGER NOT NULL REFERENCES pets(pet_id),
  vet_id INTEGER NOT NULL REFERENCES vets(vet_id), clinic_id INTEGER NOT NULL REFERENCES clinics(clinic_id),
  appt_date DATE NOT NULL, start_time TEXT NOT NULL, appt_type TEXT NOT NULL, status TEXT NOT NULL,
  duration_min INTEGER, notes TEXT);
CREATE TABLE appt_services (
  appt_id INTEGER NOT NULL REFERENCES appointments(appt_id), svc_id INTEGER NOT NULL REFERENCES services(svc_id),
  qty INTEGER NOT NULL, unit_price REAL NOT NULL, PRIMARY KEY (appt_id, svc_id));
CREATE TABLE medications (
  med_id INTEGER PRIMARY KEY, med_name TEXT NOT NULL, drug_class TEXT NOT NULL, unit_cost REAL NOT NULL,
  controlled INTEGER NOT NULL);
CREATE TABLE prescriptions (
  rx_id INTEGER PRIMARY KEY, appt_id INTEGER NOT NULL REFERENCES appointments(appt_id),
  med_id INTEGER NOT NULL REFERENCES medications(med_id), qty INTEGER NOT NULL, refills INTEGER NOT NULL,
  dosage TEXT);
CREATE TABLE invoices (
  invoice_id INTEGER PRIMARY KEY, appt_id INTEGER NOT NULL UNIQUE REFERENCES appointments(appt_id),
  invoice_date DATE NOT NULL, subtotal REAL NOT NULL, discount_amt REAL NOT NULL, tax_amt REAL NOT NULL,
  total_amt REAL NOT NULL, pay_method TEXT, paid_date DATE);
"""

CLINICS = [  # name, city, state, region, opened, rooms, 24h, share of visits
    ("Maple Street Animal Hospital", "Portland", "OR", "West", "2014-03-01", 6, 0, 22),
    ("Riverside Vet Care", "Sacramento", "CA", "West", "2017-09-15", 5, 1, 19),
    ("Lakeshore Pet Clinic", "Chicago", "IL", "Midwest", "2011-06-01", 7, 1, 17),
    ("Prairie Paws Veterinary", "Omaha", "NE", "Midwest", "2019-02-01", 4, 0, 10),
    ("Harbor Animal Clinic", "Boston", "MA", "Northeast", "2016-04-20", 5, 0, 14),
    ("Green Valley Vets", "Hartford", "CT", "Northeast", "2021-08-01", 3, 0, 8),
    ("Sunbelt Veterinary Center", "Austin", "TX", "South", "2024-03-04", 4, 0, 6),
    ("Magnolia Pet Hospital", "Atlanta", "GA", "South", "2023-10-02", 3, 0, 4),
]
TAX = {"OR": 0.0, "CA": 0.0725, "IL": 0.0625, "NE": 0.055, "MA": 0.0625, "CT": 0.0635, "TX": 0.0625, "GA": 0.04}
SPECIALTIES = [None, None, None, None, None, "Surgery", "Surgery", "Dentistry", "Dermatology", "Internal Medicine", "Exotics", "Cardiology"]
SERVICES = [  # code, name, category, price, minutes
    ("EXAM-WELL", "Wellness Exam", "Preventive", 65.0, 30), ("EXAM-SICK", "Sick Pet Exam", "Diagnostics", 85.0, 30),
    ("VAX-RAB", "Rabies Vaccine", "Preventive", 32.0, 10), ("VAX-DHPP", "DHPP Vaccine", "Preventive", 38.0, 10),
    ("VAX-FVRCP", "FVRCP Vaccine", "Preventive", 36.0, 10), ("VAX-BORD", "Bordetella Vaccine", "Preventive", 29.0, 10),
    ("LAB-CBC", "Complete Blood Count", "Diagnostics", 95.0, 20), ("LAB-CHEM", "Chemistry Panel", "Diagnostics", 140.0, 20),
    ("LAB-UA", "Urinalysis", "Diagnostics", 55.0, 15), ("IMG-XRAY", "Radiographs (X-ray)", "Diagnostics", 210.0, 40),
    ("IMG-US", "Abdominal Ultrasound", "Diagnostics", 375.0, 60), ("SURG-SPAY", "Spay Surgery", "Surgery", 420.0, 120),
    ("SURG-NEUT", "Neuter Surgery", "Surgery", 310.0, 90), ("SURG-MASS", "Mass Removal", "Surgery", 680.0, 150),
    ("SURG-ACL", "Cruciate Ligament Repair", "Surgery", 2850.0, 180), ("DENT-CLN", "Dental Cleaning", "Dental", 395.0, 90),
    ("DENT-EXT", "Tooth Extraction", "Dental", 165.0, 45), ("GRM-NAIL", "Nail Trim", "Grooming", 18.0, 10),
    ("GRM-BATH", "Medicated Bath", "Grooming", 45.0, 30), ("MICRO", "Microchip Implant", "Preventive", 55.0, 10),
    ("ER-TRIAGE", "Emergency Triage", "Emergency", 150.0, 30), ("ER-FLUIDS", "IV Fluid Therapy", "Emergency", 240.0, 120),
    ("ER-HOSP", "Overnight Hospitalization", "Emergency", 520.0, 720), ("EUTH", "Euthanasia", "End of Life", 250.0, 45),
    ("REHAB-LSR", "Cold Laser Therapy", "Rehabilitation", 75.0, 20),  # on the price list, never booked yet
    ("REHAB-H2O", "Hydrotherapy Session", "Rehabilitation", 90.0, 45),
]
MEDS = [  # name, class, unit cost, controlled
    ("Carprofen", "NSAID", 1.10, 0), ("Meloxicam", "NSAID", 0.85, 0), ("Amoxicillin-Clavulanate", "Antibiotic", 1.40, 0),
    ("Cephalexin", "Antibiotic", 0.60, 0), ("Doxycycline", "Antibiotic", 0.95, 0), ("Gabapentin", "Analgesic", 0.45, 1),
    ("Tramadol", "Analgesic", 0.55, 1), ("Apoquel", "Antipruritic", 2.30, 0), ("Prednisolone", "Steroid", 0.30, 0),
    ("Simparica Trio", "Parasiticide", 24.00, 0), ("Revolution Plus", "Parasiticide", 21.50, 0),
    ("Maropitant", "Antiemetic", 3.75, 0), ("Metronidazole", "Antibiotic", 0.40, 0), ("Pimobendan", "Cardiac", 2.10, 0),
    ("Methimazole", "Endocrine", 0.70, 0), ("Trazodone", "Anxiolytic", 0.50, 0),
    ("Insulin Glargine", "Endocrine", 6.80, 0), ("Buprenorphine", "Opioid", 4.20, 1),  # on the formulary, never used
]
PRESCRIBED = 16  # how many of MEDS are ever prescribed
SUBURBS = {"Portland": ["Beaverton", "Gresham"], "Sacramento": ["Elk Grove", "Roseville"],
           "Chicago": ["Evanston", "Oak Park"], "Omaha": ["Bellevue"], "Boston": ["Cambridge", "Quincy"],
           "Hartford": ["West Hartford"], "Austin": ["Round Rock"], "Atlanta": ["Decatur"]}
SPECIES = [  # species, weight, breeds, (min, max) kg
    ("Dog", 52, ["Labrador Retriever", "Golden Retriever", "French Bulldog", "German Shepherd", "Beagle", "Dachshund",
                 "Poodle", "Boxer", "Shih Tzu", "Mixed"], (3.0, 45.0)),
    ("Cat", 38, ["Domestic Shorthair", "Domestic Longhair", "Siamese", "Maine Coon", "Ragdoll", "Bengal"], (2.5, 8.0)),
    ("Rabbit", 4, ["Holland Lop", "Netherland Dwarf", "Rex"], (1.0, 4.5)),
    ("Bird", 3, ["Budgerigar", "Cockatiel", "African Grey"], (0.03, 0.5)),
    ("Guinea Pig", 2, [None], (0.7, 1.2)),
    ("Reptile", 1, ["Bearded Dragon", "Leopard Gecko", "Ball Python"], (0.05, 1.8)),
]
FIRST = ["Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas", "Mia", "Ethan", "Harper", "Mason",
         "Amelia", "Logan", "Ella", "Daniel", "Grace", "Henry", "Chloe", "Jack", "Nora", "Owen", "Zoe", "Caleb",
         "Priya", "Diego", "Mei", "Omar", "Fatima", "Hiro"]
LAST = ["Smith", "Johnson", "Garcia", "Miller", "Davis", "Martinez", "Lopez", "Wilson", "Anderson", "Thomas",
        "Moore", "Jackson", "Lee", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Nguyen", "Patel", "Kim",
        "Chen", "Rivera", "Brooks", "Reed", "Price", "Foster", "Hughes", "Sullivan"]
PET_NAMES = ["Bella", "Max", "Luna", "Charlie", "Lucy", "Cooper", "Daisy", "Milo", "Bailey", "Oliver", "Sadie",
             "Rocky", "Molly", "Tucker", "Chloe", "Leo", "Penny", "Bear", "Nala", "Ziggy", "Pepper", "Simba",
             "Rosie", "Gus", "Willow", "Biscuit", "Mochi", "Pickles", "Kiwi", "Olive"]
VACCINES = {"VAX-RAB": ("Dog", "Cat"), "VAX-DHPP": ("Dog",), "VAX-BORD": ("Dog",), "VAX-FVRCP": ("Cat",)}
START, END = dt.date(2023, 1, 1), dt.date(2025, 6, 30)
TYPES = [  # type, weight, services it draws from, extra-service chance
    ("Wellness", 40, ["VAX-RAB", "VAX-DHPP", "VAX-FVRCP", "VAX-BORD", "LAB-CBC", "MICRO", "GRM-NAIL"], 0.6),
    ("Sick Visit", 27, ["LAB-CBC", "LAB-CHEM", "LAB-UA", "IMG-XRAY", "IMG-US", "GRM-BATH"], 0.5),
    ("Surgery", 7, ["SURG-SPAY", "SURG-NEUT", "SURG-MASS", "SURG-ACL"], 0.0),
    ("Dental", 7, ["DENT-CLN", "DENT-EXT", "IMG-XRAY"], 0.4),
    ("Follow-up", 12, ["LAB-CBC", "LAB-UA", "GRM-NAIL"], 0.2),
    ("Emergency", 7, ["ER-TRIAGE", "ER-FLUIDS", "ER-HOSP", "IMG-XRAY", "LAB-CHEM", "EUTH"], 0.5),
]
FIRST_SERVICE = {"Wellness": "EXAM-WELL", "Sick Visit": "EXAM-SICK", "Follow-up": "EXAM-SICK",
                 "Emergency": "ER-TRIAGE"}


def day(start, end, r):
    return start + dt.timedelta(days=r.randrange((end - start).days + 1))


def main(path):
    r = random.Random(20261127)
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.executescript("PRAGMA foreign_keys = ON;" + SCHEMA)

    for i, c in enumerate(CLINICS, 1):
        db.execute("INSERT INTO clinics VALUES (?,?,?,?,?,?,?,?)", (i,) + c[:7])

    vets, names = [], set()
    for vid in range(1, 33):
        clinic = (vid - 1) % len(CLINICS) + 1
        while True:
            name = "Dr. " + r.choice(FIRST) + " " + r.choice(LAST)
            if name not in names:
                break
        names.add(name)
        opened = dt.date.fromisoformat(CLINICS[clinic - 1][4])
        hired = max(opened, day(dt.date(2012, 1, 1), dt.date(2024, 12, 1), r))
        specialty = SPECIALTIES[vid * 7 % len(SPECIALTIES)]  # an even mix over the chain
        active = 0 if vid in (5, 14, 27) else 1
        rate = round(r.uniform(48, 72) + (12 if specialty else 0), 2)
        db.execute("INSERT INTO vets VALUES (?,?,?,?,?,?,?,?)",
                   (vid, name, clinic, specialty, f"VET-{r.randrange(10000, 99999)}", hired.isoformat(), rate, active))
        vets.append((vid, clinic, specialty, hired, active, r.uniform(0.5, 2.0)))

    services = {}
    for i, (code, name, cat, price, minutes) in enumerate(SERVICES, 1):
        db.execute("INSERT INTO services VALUES (?,?,?,?,?,?)", (i, code, name, cat, price, minutes))
        services[code] = (i, price, minutes)
    for i, m in enumerate(MEDS, 1):
        db.execute("INSERT INTO medications VALUES (?,?,?,?,?)", (i,) + m)

    owners = []
    referrals = ["Google", "Google", "Friend", "Walk-in", "Facebook", "Shelter", "Yelp", None, None]
    for oid in range(1, 901):
        first, last = r.choice(FIRST), r.choice(LAST)
        clinic = r.choices(range(1, len(CLINICS) + 1), weights=[c[7] for c in CLINICS])[0]
        created = day(dt.date(2020, 1, 1), dt.date(2025, 5, 31), r)
        created = max(created, dt.date.fromisoformat(CLINICS[clinic - 1][4]))
        email = None if r.random() < 0.12 else f"{first}.{last}{oid}@{r.choice(['gmail.com', 'yahoo.com', 'outlook.com'])}".lower()
        phone = None if r.random() < 0.05 else f"({r.randrange(200, 999)}) 555-{r.randrange(1000, 9999)}"
        zipc = None if r.random() < 0.03 else f"{r.randrange(10000, 99999)}"
        city = CLINICS[clinic - 1][1]
        city = r.choice(SUBURBS[city]) if r.random() < 0.3 else city
        db.execute("INSERT INTO owners VALUES (?,?,?,?,?,?,?,?,?)",
                   (oid, first, last, email, phone, city, zipc, r.choice(referrals), created.isoformat()))
        owners.append((oid, clinic, created))

    pets = []
    pid = 0
    for oid, clinic, created in owners:
        for _ in range(r.choices([1, 2, 3, 4], weights=[55, 30, 11, 4])[0]):
            pid += 1
            species, _, breeds, (lo, hi) = r.choices(SPECIES, weights=[s[1] for s in SPECIES])[0]
            breed = r.choice(breeds) if r.random() > 0.08 else None
            dob = day(dt.date(2008, 1, 1), dt.date(2024, 12, 31), r)
            weight = round(r.uniform(lo, hi), 2) if r.random() > 0.06 else None
            deceased = None
            if dob.year < 2013 and r.random() < 0.45:
                deceased = day(dt.date(2023, 3, 1), END, r)
            db.execute("INSERT INTO pets VALUES (?,?,?,?,?,?,?,?,?,?)",
                       (pid, oid, r.choice(PET_NAMES), species, breed, r.choice("MF"), int(r.random() < 0.7),
                        None if r.random() < 0.07 else dob.isoformat(), weight,
                        deceased.isoformat() if deceased else None))
            pets.append((pid, clinic, max(created, dob, START), deceased or END, species))

    appt_id = rx_id = invoice_id = 0
    for pid, clinic, first_day, last_day, species in pets:
        if first_day > last_day:
            continue
        opened = dt.date.fromisoformat(CLINICS[clinic - 1][4])
        staff = [v for v in vets if v[1] == clinic]
        for _ in range(r.choices([0, 1, 2, 3, 4, 5, 6, 8], weights=[6, 14, 20, 20, 16, 11, 8, 5])[0]):
            when = day(max(first_day, opened), last_day, r)
            # more visits as the chain grows, fewer around the holidays
            if r.random() > 0.6 + 0.12 * (when.year - 2023) or (when.month in (11, 12, 1) and r.random() < 0.25):
                continue
            atype = r.choices(TYPES, weights=[t[1] for t in TYPES])[0]
            on_duty = [v for v in staff if v[3] <= when and (v[4] or when.year < 2025)] or staff
            vet = r.choices(on_duty, weights=[v[5] * (3 if atype[0] == "Surgery" and v[2] == "Surgery" else 1)
                                              for v in on_duty])[0]
            status = r.choices(["Completed", "Cancelled", "No-Show"], weights=[84, 11, 5])[0]
            if when > dt.date(2025, 6, 20) and r.random() < 0.7:
                status = "Scheduled"
            start = f"{r.randrange(8, 18 if clinic not in (2, 3) else 22):02d}:{r.choice(['00', '15', '30', '45'])}"
            appt_id += 1
            codes = []
            if status == "Completed":
                codes = [FIRST_SERVICE.get(atype[0])] if atype[0] in FIRST_SERVICE else []
                codes.append(r.choice(atype[2]))
                while r.random() < atype[3]:
                    codes.append(r.choice(atype[2]))
                codes = list(dict.fromkeys(c for c in codes if c and species in VACCINES.get(c, (species,))))
            minutes = sum(services[c][2] for c in codes) + r.randrange(-5, 20) if codes else None
            note = r.choice([None, None, None, "Owner requested call back", "Anxious patient", "Bring records",
                             "Fasting since 8pm", "Recheck in 2 weeks"])
            db.execute("INSERT INTO appointments VALUES (?,?,?,?,?,?,?,?,?,?)",
                       (appt_id, pid, vet[0], clinic, when.isoformat(), start, atype[0], status, minutes, note))
            if not codes:
                continue
            markup = 1 + 0.05 * (when.year - 2023)
            subtotal = 0.0
            for code in codes:
                qty = 2 if code == "DENT-EXT" and r.random() < 0.4 else 1
                price = round(services[code][1] * markup, 2)
                subtotal += qty * price
                db.execute("INSERT INTO appt_services VALUES (?,?,?,?)", (appt_id, services[code][0], qty, price))
            if atype[0] in ("Sick Visit", "Surgery", "Dental", "Emergency") or r.random() < 0.15:
                for med in sorted(set(r.choices(range(1, PRESCRIBED + 1), weights=range(PRESCRIBED + 8, 8, -1), k=r.choice([1, 1, 2, 3])))):
                    rx_id += 1
                    db.execute("INSERT INTO prescriptions VALUES (?,?,?,?,?,?)",
                               (rx_id, appt_id, med, r.choice([7, 10, 14, 20, 30, 60]), r.choice([0, 0, 0, 1, 2, 3]),
                                r.choice(["1 tab PO q12h", "1 tab PO q24h", "0.5 tab PO q12h", "Apply topically", None])))
            subtotal = round(subtotal, 2)
            discount = round(subtotal * r.choice([0.1, 0.15]), 2) if r.random() < 0.18 else 0.0
            tax = round((subtotal - discount) * TAX[CLINICS[clinic - 1][2]], 2)
            method = r.choices(["Credit Card", "Debit Card", "Cash", "Pet Insurance", "CareCredit"],
                               weights=[45, 20, 8, 18, 9])[0]
            paid = when + dt.timedelta(days=0 if method != "Pet Insurance" else r.randrange(10, 45))
            if paid > END or r.random() < 0.05:  # still unpaid
                method, paid = None, None
            invoice_id += 1
            db.execute("INSERT INTO invoices VALUES (?,?,?,?,?,?,?,?,?)",
                       (10000 + invoice_id, appt_id, when.isoformat(), subtotal, discount, tax, round(subtotal - discount + tax, 2),
                        method, paid.isoformat() if paid else None))
    db.commit()
    db.close()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: vetclinic-db.py OUTPUT.sqlite")
    main(sys.argv[1])
