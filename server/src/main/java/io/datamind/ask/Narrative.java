package io.datamind.ask;

import java.util.List;

/** The analysis of a result: a few sentences, and questions worth asking next. */
record Narrative(String text, List<String> followUps) {

    Narrative {
        followUps = List.copyOf(followUps);
    }
}
