-- Schema of the generated "Sample Sales" database (DuckDB). Statements end with a semicolon at the end of a line.
-- Money columns are US dollars; every date lies between 2022-01-01 and 2024-12-31.
-- Allowed values of text columns are listed in their comments, not in CHECK constraints: DuckDB's Java appender
-- (1.4.4) fails text comparisons in CHECKs on its second and later chunks although the stored values are right.

CREATE TABLE sample_info (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE categories (
    category_id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL UNIQUE,
    description VARCHAR NOT NULL
);

CREATE TABLE products (
    product_id INTEGER PRIMARY KEY,
    category_id INTEGER NOT NULL REFERENCES categories (category_id),
    sku VARCHAR NOT NULL UNIQUE,
    name VARCHAR NOT NULL,
    unit_price DECIMAL(12, 2) NOT NULL CHECK (unit_price > 0),
    unit_cost DECIMAL(12, 2) NOT NULL CHECK (unit_cost > 0)
);

CREATE TABLE customers (
    customer_id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    email VARCHAR NOT NULL UNIQUE,
    company VARCHAR,
    segment VARCHAR NOT NULL,
    country VARCHAR NOT NULL,
    city VARCHAR NOT NULL,
    signup_date DATE NOT NULL
);

CREATE TABLE orders (
    order_id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
    order_date DATE NOT NULL,
    status VARCHAR NOT NULL,
    channel VARCHAR NOT NULL,
    shipping_country VARCHAR NOT NULL
);

CREATE TABLE order_lines (
    order_line_id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders (order_id),
    line_number INTEGER NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products (product_id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price DECIMAL(12, 2) NOT NULL CHECK (unit_price > 0),
    discount DECIMAL(3, 2) NOT NULL CHECK (discount >= 0 AND discount < 1),
    net_amount DECIMAL(12, 2) NOT NULL
);

CREATE TABLE payments (
    payment_id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders (order_id),
    method VARCHAR NOT NULL,
    amount DECIMAL(12, 2) NOT NULL CHECK (amount > 0),
    paid_at TIMESTAMP NOT NULL
);

CREATE TABLE returns (
    return_id INTEGER PRIMARY KEY,
    order_line_id INTEGER NOT NULL REFERENCES order_lines (order_line_id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    reason VARCHAR NOT NULL,
    returned_at DATE NOT NULL,
    refund_amount DECIMAL(12, 2) NOT NULL
);

COMMENT ON TABLE sample_info IS 'Facts about this generated sample database: generator version, seed, date range, currency.';
COMMENT ON COLUMN sample_info.key IS 'Name of the fact, e.g. generator_version, data_from, data_to, currency.';
COMMENT ON COLUMN sample_info.value IS 'Value of the fact, as text.';

COMMENT ON TABLE categories IS 'Product categories of the online store.';
COMMENT ON COLUMN categories.category_id IS 'Primary key of the category.';
COMMENT ON COLUMN categories.name IS 'Category name shown in the shop, e.g. Electronics, Clothing, Books.';
COMMENT ON COLUMN categories.description IS 'What the category contains.';

COMMENT ON TABLE products IS 'Products the store sells, each in one category, with its current list price and unit cost.';
COMMENT ON COLUMN products.product_id IS 'Primary key of the product.';
COMMENT ON COLUMN products.category_id IS 'Category of the product (categories.category_id).';
COMMENT ON COLUMN products.sku IS 'Stock keeping unit: the store''s unique product code.';
COMMENT ON COLUMN products.name IS 'Product name including brand, e.g. Auralis Pro Wireless Earbuds.';
COMMENT ON COLUMN products.unit_price IS 'Current (2024) list price of one unit in US dollars; order_lines.unit_price holds the price actually charged, which was lower in earlier years.';
COMMENT ON COLUMN products.unit_cost IS 'What one unit costs the store to buy, in US dollars; margin = unit_price - unit_cost.';

COMMENT ON TABLE customers IS 'People and businesses who signed up at the store; one row per customer account.';
COMMENT ON COLUMN customers.customer_id IS 'Primary key of the customer; numbered in signup order.';
COMMENT ON COLUMN customers.name IS 'Full name of the customer or, for business accounts, of the contact person.';
COMMENT ON COLUMN customers.email IS 'E-mail address of the account (unique).';
COMMENT ON COLUMN customers.company IS 'Company name for Small Business and Enterprise accounts; NULL for consumers.';
COMMENT ON COLUMN customers.segment IS 'Customer segment: Consumer, Small Business or Enterprise.';
COMMENT ON COLUMN customers.country IS 'Country the customer lives or is based in, e.g. United States, Germany.';
COMMENT ON COLUMN customers.city IS 'City the customer lives or is based in.';
COMMENT ON COLUMN customers.signup_date IS 'Day the customer created the account (2021-01-01 or later).';

COMMENT ON TABLE orders IS 'Customer orders, one row per checkout; the items are in order_lines, payments in payments.';
COMMENT ON COLUMN orders.order_id IS 'Primary key of the order; numbered in order date order.';
COMMENT ON COLUMN orders.customer_id IS 'Customer who placed the order (customers.customer_id).';
COMMENT ON COLUMN orders.order_date IS 'Day the order was placed.';
COMMENT ON COLUMN orders.status IS 'Fulfilment status: processing, shipped, delivered or cancelled. Cancelled orders were never paid and count as no revenue.';
COMMENT ON COLUMN orders.channel IS 'Where the order was placed: web (the web shop), mobile_app or marketplace (third-party marketplaces).';
COMMENT ON COLUMN orders.shipping_country IS 'Country the order was shipped to; usually the customer''s country, sometimes a gift sent abroad.';

COMMENT ON TABLE order_lines IS 'Items of each order: one row per product in an order. Revenue = SUM(net_amount) over orders that are not cancelled.';
COMMENT ON COLUMN order_lines.order_line_id IS 'Primary key of the order line.';
COMMENT ON COLUMN order_lines.order_id IS 'Order the line belongs to (orders.order_id).';
COMMENT ON COLUMN order_lines.line_number IS 'Position of the line within its order, starting at 1.';
COMMENT ON COLUMN order_lines.product_id IS 'Product ordered (products.product_id).';
COMMENT ON COLUMN order_lines.quantity IS 'Number of units ordered.';
COMMENT ON COLUMN order_lines.unit_price IS 'Price of one unit before discount at the time of the order, in US dollars.';
COMMENT ON COLUMN order_lines.discount IS 'Discount as a fraction of the line value: 0.10 means 10% off.';
COMMENT ON COLUMN order_lines.net_amount IS 'What the customer pays for the line in US dollars: quantity * unit_price * (1 - discount), rounded to cents.';

COMMENT ON TABLE payments IS 'Payments received for orders. An order has one payment, or two when part was paid by gift card; cancelled orders and still-open invoices have none.';
COMMENT ON COLUMN payments.payment_id IS 'Primary key of the payment.';
COMMENT ON COLUMN payments.order_id IS 'Order the payment is for (orders.order_id).';
COMMENT ON COLUMN payments.method IS 'Payment method: credit_card, debit_card, paypal, digital_wallet, gift_card or bank_transfer (invoice, paid days later).';
COMMENT ON COLUMN payments.amount IS 'Amount paid in US dollars; the payments of an order add up to the sum of its order_lines.net_amount.';
COMMENT ON COLUMN payments.paid_at IS 'When the payment was received.';

COMMENT ON TABLE returns IS 'Items sent back by customers and refunded: one row per returned order line.';
COMMENT ON COLUMN returns.return_id IS 'Primary key of the return.';
COMMENT ON COLUMN returns.order_line_id IS 'Order line that was returned (order_lines.order_line_id).';
COMMENT ON COLUMN returns.quantity IS 'Number of units returned; at most the quantity of the order line.';
COMMENT ON COLUMN returns.reason IS 'Why the customer returned it: Wrong size, Changed mind, Not as described, Damaged in transit, Defective or Arrived too late.';
COMMENT ON COLUMN returns.returned_at IS 'Day the return was received.';
COMMENT ON COLUMN returns.refund_amount IS 'Amount refunded to the customer in US dollars.';
