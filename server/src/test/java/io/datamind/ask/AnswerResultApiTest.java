package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An answer's whole result beyond its 100-row preview: the chart's data and the CSV download, with the offline engine
 * on the Sample Sales database.
 */
@IntegrationTest
class AnswerResultApiTest {

    private static final String QUESTION = "How many orders per day in 2023?";

    @LocalServerPort
    int port;

    @Test
    void theChartAndTheCsvHoldEveryRowAndOnlyTheAskerGetsThem() {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        String connection = TestConnections.sampleConnection(api, token);

        JsonNode answer =
                ChatFixtures.ask(api, token, connection, QUESTION, null).json();
        assertThat(answer.get("status").asString()).as(answer.toString()).isEqualTo("answered");
        assertThat(answer.get("rowCount").asLong())
                .as(answer.get("sql").asString())
                .isEqualTo(365);
        assertThat(answer.get("rows").size()).as("the stored preview").isEqualTo(100);

        JsonNode chart = answer.get("chart");
        assertThat(chart.get("type").asString()).isEqualTo("line");
        JsonNode data = chart.get("data");
        assertThat(data.get("rowCount").asLong()).isEqualTo(365);
        assertThat(data.get("sampling").asString()).isEqualTo("all");
        assertThat(data.get("rows").size())
                .as("the chart is drawn from every row")
                .isEqualTo(365);
        List<String> chartColumns = names(data.get("columns"));
        assertThat(chartColumns)
                .as("the chart's own columns, in the result's order")
                .containsExactlyElementsOf(names(answer.get("columns")).stream()
                        .filter(name -> name.equals(chart.get("x").asString())
                                || name.equals(chart.get("y").get(0).asString()))
                        .toList());
        int x = chartColumns.indexOf(chart.get("x").asString());
        assertThat(data.get("rows").get(0).get(x).asString()).startsWith("2023-01-01");
        assertThat(data.get("rows").get(364).get(x).asString()).startsWith("2023-12-31");
        JsonNode stored = api.request(
                        "GET",
                        "/api/v1/chat/sessions/" + answer.get("sessionId").asString() + "/messages")
                .bearer(token)
                .send()
                .json()
                .get("items")
                .get(0);
        assertThat(stored.get("chart")).as("stored with the answer").isEqualTo(chart);

        String resultPath = "/api/v1/chat/messages/" + answer.get("messageId").asString() + "/result";
        HttpApi.Response csv = api.request("GET", resultPath)
                .bearer(token)
                .header("Accept", "text/csv")
                .send();
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("how-many-orders-per-day-in-2023.csv");
        assertThat(csv.header("X-Row-Count")).contains("365");
        assertThat(csv.header("X-Result-Truncated")).contains("false");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines).hasSize(366);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).containsExactly(names(answer.get("columns")).toArray(String[]::new));
        assertThat(lines.get(1)).isEqualTo(csvLine(answer.get("rows").get(0)));
        assertThat(lines.get(100)).isEqualTo(csvLine(answer.get("rows").get(99)));
        assertThat(lines.get(365)).contains("2023-12-31");

        // Someone else's answer does not exist for the caller: a colleague, and another organization's owner.
        TestAccounts.Account colleague = TestAccounts.addMember(api, token, owner.orgId(), "admin");
        String colleagueToken = TestAccounts.token(api, colleague).accessToken();
        HttpApi.Response foreign = api.request("GET", resultPath)
                .bearer(colleagueToken)
                .header("Accept", "text/csv")
                .send();
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(foreign.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        TestAccounts.Account stranger = TestAccounts.registerOwner(api);
        assertThat(api.request("GET", resultPath)
                        .bearer(TestAccounts.token(api, stranger).accessToken())
                        .send()
                        .status())
                .isEqualTo(404);

        // A declined answer has no result.
        JsonNode declined = ChatFixtures.ask(api, token, connection, "Why is the sky blue over the warehouse?", null)
                .json();
        assertThat(declined.get("status").asString()).isEqualTo("declined");
        assertThat(api.request(
                                "GET",
                                "/api/v1/chat/messages/"
                                        + declined.get("messageId").asString() + "/result")
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    private static List<String> names(JsonNode columns) {
        return columns.valueStream().map(c -> c.get("name").asString()).toList();
    }

    /** A row of plain values (dates and numbers, no quoting needed) as the CSV writes it. */
    private static String csvLine(JsonNode row) {
        return String.join(
                ",", row.valueStream().map(v -> v.isNull() ? "" : v.asString()).toList());
    }
}
