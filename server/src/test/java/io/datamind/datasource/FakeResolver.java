package io.datamind.datasource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A DNS table for tests: answers only the names it was given, and records every lookup. */
final class FakeResolver implements HostResolver {

    private final Map<String, List<String>> answers = new HashMap<>();
    final List<String> lookups = new ArrayList<>();

    FakeResolver answer(String name, String... addresses) {
        answers.put(name, List.of(addresses));
        return this;
    }

    @Override
    public InetAddress[] resolve(String name) throws UnknownHostException {
        lookups.add(name);
        List<String> addresses = answers.get(name);
        if (addresses == null) {
            throw new UnknownHostException(name);
        }
        InetAddress[] result = new InetAddress[addresses.size()];
        for (int i = 0; i < result.length; i++) {
            // Literals only, so building the answer never queries DNS itself.
            result[i] = InetAddress.getByName(addresses.get(i));
        }
        return result;
    }
}
