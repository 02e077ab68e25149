package io.datamind.chatstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.ask.AskEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StreamEventsTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final StreamEvents events = new StreamEvents(json);

    @Test
    void tokenAndStageEventsAreWrittenExactlyAsJacksonWouldWriteThem() {
        for (String content : new String[] {
            "SELECT \"name\" FROM t WHERE a = 'x'",
            "back\\slash",
            "tab\there\nnew line\r\n",
            "\u0000\u0001\u001f\b\f",
            "naïve café – 数据 😀 \u2028",
            "</script><follow_ups>",
            ""
        }) {
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("type", "token");
            expected.put("requestId", "r\"1");
            expected.put("phase", "analysis");
            expected.put("content", content);
            StreamEvents.Event event = events.of("r\"1", new AskEvent.Token("analysis", content));
            assertThat(event.type()).isEqualTo("token");
            assertThat(event.json()).isEqualTo(json.writeValueAsString(expected));
            assertThat(json.readTree(event.json()).get("content").asString()).isEqualTo(content);
        }

        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("type", "stage");
        stage.put("requestId", null);
        stage.put("stage", "execute");
        stage.put("state", "done");
        stage.put("ms", 1234L);
        assertThat(events.of(null, new AskEvent.Stage("execute", "done", 1234)).json())
                .isEqualTo(json.writeValueAsString(stage));
    }
}
