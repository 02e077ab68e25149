package io.datamind.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.common.DataMindProperties;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Uploads through the real API into real DuckDB files, read back through the schema sync and the SQL editor. */
@IntegrationTest
class UploadsApiTest {

    private static final String SALES_CSV = """
            Order Id,Order Date,Amount,Paid,Note,Created At
            1,2024-01-31,12.50,true,first,2024-01-31 08:15:00
            2,2024-02-01,7,false,"quoted, with comma",2024-02-01T09:00:00Z
            3,2024-02-02,100.25,TRUE,,2024-02-02 10:30
            4,2024-02-03,1.5,false,too,many,fields
            5,2024-02-04,3
            6,2024-02-05,-0.75,true,last,2024-02-05 23:59:59

            """;

    @LocalServerPort
    int port;

    @Autowired
    DataMindProperties dataMind;

    HttpApi api;
    TestAccounts.Account owner;
    String ownerToken;
    String analystToken;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        ownerToken = TestAccounts.token(api, owner).accessToken();
        TestAccounts.Account analyst = TestAccounts.addMember(api, ownerToken, owner.orgId(), "analyst");
        analystToken = TestAccounts.token(api, analyst).accessToken();
    }

    private HttpApi.Response upload(String token, String fileName, byte[] content, Map<String, String> fields) {
        return api.request("POST", "/api/v1/uploads")
                .bearer(token)
                .multipart(fields, "file", fileName, content)
                .send();
    }

    private HttpApi.Response upload(String token, String fileName, String content) {
        return upload(token, fileName, content.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void csvLoadsWithInferredTypesAndReportsRejectedLines() {
        HttpApi.Response response = upload(analystToken, "Sales 2024.csv", SALES_CSV);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode report = response.json();
        assertThat(report.get("table").asString()).isEqualTo("sales_2024");
        assertThat(report.get("format").asString()).isEqualTo("csv");
        assertThat(report.get("fileName").asString()).isEqualTo("Sales 2024.csv");
        assertThat(report.get("rowsLoaded").asLong()).isEqualTo(4);
        assertThat(report.get("rejected").asLong()).isEqualTo(2);
        assertThat(report.get("rejections").get(0).get("line").asLong()).isEqualTo(5);
        assertThat(report.get("rejections").get(0).get("reason").asString())
                .isEqualTo("has 7 fields but the header has 6");
        assertThat(report.get("rejections").get(1).get("line").asLong()).isEqualTo(6);
        assertThat(report.get("rejections").get(1).get("reason").asString())
                .isEqualTo("has 3 fields but the header has 6");
        assertThat(columns(report))
                .containsExactly(
                        "order_id integer BIGINT",
                        "order_date date DATE",
                        "amount decimal DECIMAL(5,2)",
                        "paid boolean BOOLEAN",
                        "note text VARCHAR",
                        "created_at timestamp TIMESTAMP");
        assertThat(report.get("columns").get(0).get("header").asString()).isEqualTo("Order Id");

        UUID connectionId = UUID.fromString(report.get("connectionId").asString());
        JsonNode table = awaitTable(ownerToken, connectionId, "sales_2024");
        List<String> discovered = new ArrayList<>();
        table.get("columns")
                .forEach(c -> discovered.add(
                        c.get("name").asString() + " " + c.get("category").asString()));
        assertThat(discovered)
                .containsExactly(
                        "order_id integer",
                        "order_date date",
                        "amount number",
                        "paid boolean",
                        "note text",
                        "created_at timestamp");

        // Asked about like any other table: through the guard and the read-only runner.
        JsonNode result = query(
                analystToken,
                connectionId,
                "SELECT count(*) AS n, sum(amount) AS total, min(order_date) AS first_day,"
                        + " max(created_at) AS last_time, count(note) AS notes FROM sales_2024 WHERE paid OR NOT paid");
        JsonNode row = result.get("rows").get(0);
        assertThat(row.get(0).asLong()).isEqualTo(4);
        assertThat(row.get(1).decimalValue()).isEqualByComparingTo("119.00");
        assertThat(row.get(2).asString()).isEqualTo("2024-01-31");
        assertThat(row.get(3).asString()).startsWith("2024-02-05");
        assertThat(row.get(4).asLong()).isEqualTo(3);
        JsonNode quoted =
                query(analystToken, connectionId, "SELECT note, created_at FROM sales_2024 WHERE order_id = 2");
        assertThat(quoted.get("rows").get(0).get(0).asString()).isEqualTo("quoted, with comma");
        assertThat(quoted.get("rows").get(0).get(1).asString()).startsWith("2024-02-01");

        // The Uploads connection is built in: listed, not editable.
        HttpApi.Response connection = api.request("GET", "/api/v1/connections/" + connectionId)
                .bearer(ownerToken)
                .send();
        assertThat(connection.json().get("name").asString()).isEqualTo("Uploads");
        assertThat(connection.json().get("managed").asBoolean()).isTrue();
        assertThat(connection.json().get("managedKind").asString()).isEqualTo("uploads");
        assertThat(api.request("DELETE", "/api/v1/connections/" + connectionId)
                        .bearer(ownerToken)
                        .send()
                        .status())
                .isEqualTo(400);

        // The same file again gets a numbered name in the same connection.
        HttpApi.Response again = upload(analystToken, "Sales 2024.csv", SALES_CSV);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("table").asString()).isEqualTo("sales_2024_2");
        assertThat(again.json().get("connectionId").asString()).isEqualTo(connectionId.toString());
        awaitTable(ownerToken, connectionId, "sales_2024_2");

        JsonNode audit = api.request("GET", "/api/v1/audit?action=upload.table.created")
                .bearer(ownerToken)
                .send()
                .json();
        assertThat(audit.get("items").size()).isEqualTo(2);
        JsonNode entry = audit.get("items").get(1);
        assertThat(entry.get("targetType").asString()).isEqualTo("connection");
        assertThat(entry.get("targetId").asString()).isEqualTo(connectionId.toString());
        assertThat(entry.get("details").get("table").asString()).isEqualTo("sales_2024");
        assertThat(entry.get("details").get("rowsLoaded").asLong()).isEqualTo(4);
        assertThat(entry.get("details").get("rejected").asLong()).isEqualTo(2);
    }

    @Test
    void csvEncodingsDelimitersAndHeaderNamesAreHandled() {
        // Windows-1252 (not valid UTF-8), semicolons, duplicate, blank and keyword headers, zip codes with zeros.
        byte[] latin = "Café;Zip;Zip;;Order;Day\r\nCrème;01234;1;x;2;31/12/2024\r\nNaïve;99999;2;y;3;01/02/2024\r\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        HttpApi.Response response = upload(ownerToken, "europe.csv", latin, Map.of("table", "European Shops"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode report = response.json();
        assertThat(report.get("table").asString()).isEqualTo("european_shops");
        assertThat(columns(report))
                .containsExactly(
                        "cafe text VARCHAR",
                        "zip text VARCHAR",
                        "zip_2 integer BIGINT",
                        "column_4 text VARCHAR",
                        "order_ integer BIGINT",
                        "day date DATE");
        UUID connectionId = UUID.fromString(report.get("connectionId").asString());
        awaitTable(ownerToken, connectionId, "european_shops");
        JsonNode rows = query(ownerToken, connectionId, "SELECT cafe, zip, day FROM european_shops ORDER BY zip")
                .get("rows");
        assertThat(rows.get(0).get(0).asString()).isEqualTo("Crème");
        assertThat(rows.get(0).get(1).asString()).isEqualTo("01234");
        assertThat(rows.get(0).get(2).asString()).isEqualTo("2024-12-31");
        assertThat(rows.get(1).get(2).asString()).isEqualTo("2024-02-01");
    }

    @Test
    void xlsxLoadsCellValuesAndRejectsErrorCells() throws IOException {
        HttpApi.Response response = upload(ownerToken, "Stock.xlsx", workbook(), Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode report = response.json();
        assertThat(report.get("format").asString()).isEqualTo("xlsx");
        assertThat(report.get("table").asString()).isEqualTo("stock");
        assertThat(report.get("rowsLoaded").asLong()).isEqualTo(3);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.get("rejections").get(0).get("line").asLong()).isEqualTo(4);
        assertThat(report.get("rejections").get(0).get("reason").asString())
                .isEqualTo("cell C4 holds the spreadsheet error #DIV/0!");
        assertThat(columns(report))
                .containsExactly(
                        "sku text VARCHAR",
                        "quantity integer BIGINT",
                        "price decimal DECIMAL(3,2)",
                        "received date DATE",
                        "in_stock boolean BOOLEAN",
                        "value decimal DECIMAL(4,2)",
                        "checked_at timestamp TIMESTAMP");

        UUID connectionId = UUID.fromString(report.get("connectionId").asString());
        awaitTable(ownerToken, connectionId, "stock");
        JsonNode rows = query(
                        ownerToken,
                        connectionId,
                        "SELECT sku, quantity, price, received, in_stock, value, checked_at FROM stock ORDER BY sku")
                .get("rows");
        assertThat(rows.size()).isEqualTo(3);
        JsonNode first = rows.get(0);
        assertThat(first.get(0).asString()).isEqualTo("A-1");
        assertThat(first.get(1).asLong()).isEqualTo(10);
        assertThat(first.get(2).decimalValue()).isEqualByComparingTo("2.50");
        assertThat(first.get(3).asString()).isEqualTo("2024-03-01");
        assertThat(first.get(4).asBoolean()).isTrue();
        assertThat(first.get(5).decimalValue()).isEqualByComparingTo("25.00");
        assertThat(first.get(6).asString()).startsWith("2024-03-01").contains("14:30");
        // The row with a gap loads with NULLs where cells are missing.
        assertThat(rows.get(2).get(0).asString()).isEqualTo("C-3");
        assertThat(rows.get(2).get(2).isNull()).isTrue();
    }

    @Test
    void badFilesAreRefusedWithAClearReason() {
        assertBadFile(upload(analystToken, "empty.csv", ""), "The file is empty");
        assertBadFile(upload(analystToken, "blank.csv", "\n\n  \n"), "no header row");
        assertBadFile(upload(analystToken, "header.csv", "a,b,c\n"), "header but no rows");
        assertBadFile(
                upload(analystToken, "picture.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}, Map.of()),
                "not a text file");
        assertBadFile(
                upload(
                        analystToken,
                        "old.xls",
                        new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, 0},
                        Map.of()),
                "old Excel (.xls)");
        assertBadFile(upload(analystToken, "report.pdf", "%PDF-1.7"), "Only CSV and XLSX");
        assertBadFile(upload(analystToken, "fake.xlsx", "a,b\n1,2\n"), "not an XLSX workbook");
        assertBadFile(
                upload(analystToken, "broken.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6}, Map.of()),
                "not a readable XLSX workbook");
        assertBadFile(upload(analystToken, "quote.csv", "a,b\n1,2\n3,\"never closed\n4,5\n"), "from line 3 on");
        assertBadFile(upload(analystToken, "ragged.csv", "a,b\n1\n2\n"), "No row could be loaded: line 2 has 1 fields");
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            wide.append(i == 0 ? "" : ",").append("c").append(i);
        }
        assertBadFile(upload(analystToken, "wide.csv", wide + "\n"), "at most 1000 can be loaded");

        HttpApi.Response notMultipart = api.request("POST", "/api/v1/uploads")
                .bearer(analystToken)
                .json(Map.of("file", "a,b"))
                .send();
        assertBadFile(notMultipart, "multipart/form-data");
        HttpApi.Response longName = upload(
                analystToken, "a.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8), Map.of("table", "t".repeat(201)));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.json().get("errors").get(0).get("field").asString()).isEqualTo("table");

        // None of it made a connection or left a file behind.
        assertThat(connectionNames(analystToken)).doesNotContain("Uploads");
        assertThat(stagingFiles(owner.orgId())).isEmpty();
    }

    @Test
    void aFileOverTheLimitIs413() {
        byte[] big = new byte[1024 * 1024 + 100_000];
        java.util.Arrays.fill(big, (byte) 'x');
        big[0] = 'a';
        big[1] = '\n';
        HttpApi.Response response = upload(analystToken, "big.csv", big, Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("upload limit");
    }

    @Test
    void aFailedUploadLeavesNoTableBehind() {
        HttpApi.Response first = upload(
                analystToken, "a.csv", "id,name\n1,one\n".getBytes(StandardCharsets.UTF_8), Map.of("table", "shared"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        UUID connectionId = UUID.fromString(first.json().get("connectionId").asString());
        awaitTable(ownerToken, connectionId, "shared");

        // Fully read and staged, then refused when it is copied in: the name asked for is taken.
        HttpApi.Response clash = upload(
                analystToken,
                "b.csv",
                "id,name,extra\n2,two,x\n3,three,y\n".getBytes(StandardCharsets.UTF_8),
                Map.of("table", "Shared"));
        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.json().get("errors").get(0).get("field").asString()).isEqualTo("table");
        // Refused halfway through the file.
        HttpApi.Response broken = upload(analystToken, "c.csv", "id\n1\n2\n\"3\n");
        assertThat(broken.status()).as(broken.toString()).isEqualTo(400);

        api.request("POST", "/api/v1/connections/" + connectionId + "/sync")
                .bearer(analystToken)
                .send();
        awaitSyncDone(connectionId);
        JsonNode tables = schema(ownerToken, connectionId).get("tables");
        assertThat(tables.size()).isEqualTo(1);
        assertThat(tables.get(0).get("columns").size()).isEqualTo(2);
        JsonNode rows =
                query(analystToken, connectionId, "SELECT id, name FROM shared").get("rows");
        assertThat(rows.size()).isEqualTo(1);
        assertThat(stagingFiles(owner.orgId())).isEmpty();
    }

    @Test
    void anotherOrganizationCannotSeeTheUploads() {
        HttpApi.Response mine = upload(analystToken, "private.csv", "secret\nalpha\n");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        String connectionId = mine.json().get("connectionId").asString();

        TestAccounts.Account other = TestAccounts.registerOwner(api);
        String otherToken = TestAccounts.token(api, other).accessToken();
        for (String path : List.of("", "/schema", "/sync")) {
            HttpApi.Response response = api.request("GET", "/api/v1/connections/" + connectionId + path)
                    .bearer(otherToken)
                    .send();
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
        }
        HttpApi.Response query = api.request("POST", "/api/v1/query")
                .bearer(otherToken)
                .json(Map.of("connectionId", connectionId, "sql", "SELECT secret FROM private"))
                .send();
        assertThat(query.status()).as(query.toString()).isEqualTo(404);
        assertThat(connectionNames(otherToken)).doesNotContain("Uploads");

        // Their own upload goes into a database of their own.
        HttpApi.Response theirs = upload(otherToken, "private.csv", "secret\nbeta\n");
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
        assertThat(theirs.json().get("table").asString()).isEqualTo("private");
        UUID theirConnection = UUID.fromString(theirs.json().get("connectionId").asString());
        assertThat(theirConnection.toString()).isNotEqualTo(connectionId);
        awaitTable(otherToken, theirConnection, "private");
        JsonNode rows =
                query(otherToken, theirConnection, "SELECT secret FROM private").get("rows");
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.get(0).get(0).asString()).isEqualTo("beta");
    }

    @Test
    void anUploadedTableCanBeDroppedByItsOrganizationOnly() {
        HttpApi.Response kept = upload(analystToken, "kept.csv", "id\n1\n");
        HttpApi.Response mistake = upload(analystToken, "mistake.csv", "id\n2\n");
        assertThat(mistake.status()).as(mistake.toString()).isEqualTo(201);
        UUID connectionId = UUID.fromString(kept.json().get("connectionId").asString());
        awaitTable(ownerToken, connectionId, "mistake");

        TestAccounts.Account viewer = TestAccounts.addMember(api, ownerToken, owner.orgId(), "viewer");
        TestAccounts.Account other = TestAccounts.registerOwner(api);
        assertThat(drop(TestAccounts.token(api, viewer).accessToken(), "mistake")
                        .status())
                .isEqualTo(403);
        HttpApi.Response stranger = drop(TestAccounts.token(api, other).accessToken(), "mistake");
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(404);

        HttpApi.Response dropped = drop(analystToken, "MISTAKE");
        assertThat(dropped.status()).as(dropped.toString()).isEqualTo(204);
        HttpApi.Response again = drop(analystToken, "mistake");
        assertThat(again.status()).as(again.toString()).isEqualTo(404);
        assertThat(again.header("Content-Type").orElseThrow()).startsWith("application/problem+json");

        awaitSyncDone(connectionId);
        List<String> tables = new ArrayList<>();
        schema(ownerToken, connectionId)
                .get("tables")
                .forEach(t -> tables.add(t.get("name").asString()));
        assertThat(tables).containsExactly("kept");
        assertThat(query(analystToken, connectionId, "SELECT id FROM kept")
                        .get("rows")
                        .size())
                .isEqualTo(1);
        JsonNode audit = api.request("GET", "/api/v1/audit?action=upload.table.deleted")
                .bearer(ownerToken)
                .send()
                .json();
        assertThat(audit.get("items").size()).isEqualTo(1);
        assertThat(audit.get("items").get(0).get("details").get("table").asString())
                .isEqualTo("mistake");
    }

    private HttpApi.Response drop(String token, String table) {
        return api.request("DELETE", "/api/v1/uploads/tables/" + table)
                .bearer(token)
                .send();
    }

    @Test
    void viewersCannotUpload() {
        TestAccounts.Account viewer = TestAccounts.addMember(api, ownerToken, owner.orgId(), "viewer");
        String token = TestAccounts.token(api, viewer).accessToken();
        HttpApi.Response response = upload(token, "a.csv", "a\n1\n");
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(connectionNames(ownerToken)).doesNotContain("Uploads");
    }

    private static void assertBadFile(HttpApi.Response response, String expected) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString())
                .as(response.toString())
                .contains(expected);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    private static List<String> columns(JsonNode report) {
        List<String> columns = new ArrayList<>();
        report.get("columns")
                .forEach(c -> columns.add(c.get("name").asString() + " "
                        + c.get("type").asString() + " " + c.get("sqlType").asString()));
        return columns;
    }

    private List<String> connectionNames(String token) {
        List<String> names = new ArrayList<>();
        api.request("GET", "/api/v1/connections")
                .bearer(token)
                .send()
                .json()
                .get("items")
                .forEach(c -> names.add(c.get("name").asString()));
        return names;
    }

    private List<Path> stagingFiles(UUID orgId) {
        Path staging =
                dataMind.dataDir().resolve("uploads").resolve(orgId.toString()).resolve(".staging");
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode query(String token, UUID connectionId, String sql) {
        HttpApi.Response response = api.request("POST", "/api/v1/query")
                .bearer(token)
                .json(Map.of("connectionId", connectionId.toString(), "sql", sql))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode schema(String token, UUID connectionId) {
        HttpApi.Response response = api.request("GET", "/api/v1/connections/" + connectionId + "/schema")
                .bearer(token)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private void awaitSyncDone(UUID connectionId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode status = api.request("GET", "/api/v1/connections/" + connectionId + "/sync")
                    .bearer(ownerToken)
                    .send()
                    .json();
            if (status.get("state").asString().equals("done")) {
                return;
            }
            assertThat(Instant.now()).as("sync of %s: %s", connectionId, status).isBefore(deadline);
            sleep();
        }
    }

    /** Waits for the background schema sync to find the table, and returns it. */
    private JsonNode awaitTable(String token, UUID connectionId, String name) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            HttpApi.Response response = api.request("GET", "/api/v1/connections/" + connectionId + "/schema")
                    .bearer(token)
                    .send();
            if (response.status() == 200) {
                for (JsonNode table : response.json().get("tables")) {
                    if (table.get("name").asString().equals(name)) {
                        return table;
                    }
                }
            }
            assertThat(Instant.now()).as("table %s in %s", name, response).isBefore(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A sheet as people make them: typed cells, a date and a date-time format, a formula, an error cell (row 4), a
     * row with a missing cell, and a blank row.
     */
    private static byte[] workbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Stock");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("d mmm yyyy"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00 \"€\""));
            Row header = sheet.createRow(0);
            String[] names = {"SKU", "Quantity", "Price", "Received", "In stock", "Value", "Checked at"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            addRow(sheet, 1, "A-1", 10, 2.5, LocalDate.of(2024, 3, 1), true, date, dateTime, money);
            addRow(sheet, 2, "B-2", 3, 1.25, LocalDate.of(2024, 3, 2), false, date, dateTime, money);
            Row error = sheet.createRow(3);
            error.createCell(0).setCellValue("X-9");
            error.createCell(1).setCellValue(1);
            error.createCell(2).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.DIV0.getCode());
            Row gap = sheet.createRow(4);
            gap.createCell(0).setCellValue("C-3");
            gap.createCell(1).setCellValue(7);
            gap.createCell(4).setCellValue(false);
            sheet.createRow(6).createCell(0).setCellValue(" ");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void addRow(
            Sheet sheet,
            int index,
            String sku,
            int quantity,
            double price,
            LocalDate received,
            boolean inStock,
            CellStyle date,
            CellStyle dateTime,
            CellStyle money) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(sku);
        row.createCell(1).setCellValue(quantity);
        row.createCell(2).setCellValue(price);
        row.createCell(3).setCellValue(received);
        row.getCell(3).setCellStyle(date);
        row.createCell(4).setCellValue(inStock);
        row.createCell(5).setCellFormula("B" + (index + 1) + "*C" + (index + 1));
        row.getCell(5).setCellStyle(money);
        row.createCell(6).setCellValue(received.atTime(14, 30));
        row.getCell(6).setCellStyle(dateTime);
        // Formulas are read as their last computed result, which Excel stores; so does this.
        sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(row.getCell(5));
    }
}
