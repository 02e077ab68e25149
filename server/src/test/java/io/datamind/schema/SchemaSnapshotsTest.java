package io.datamind.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Questions in flight share one parsed snapshot per discovery; a new sync is seen at once. */
@IntegrationTest
class SchemaSnapshotsTest {

    @LocalServerPort
    int port;

    @Autowired
    SchemaSnapshots snapshots;

    @Test
    void theSameDiscoveryIsParsedOnceAndANewSyncReplacesIt() throws Exception {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        UUID connection = UUID.fromString(api.request("GET", "/api/v1/connections")
                .bearer(token)
                .send()
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString());
        SchemaSnapshot first = awaitSnapshot(owner.orgId(), connection);
        assertThat(snapshots.latest(owner.orgId(), connection)).containsSame(first);

        TestAccounts.Account stranger = TestAccounts.registerOwner(api);
        assertThat(snapshots.latest(stranger.orgId(), connection))
                .as("another organization gets nothing, cached or not")
                .isEmpty();

        assertThat(api.request("POST", "/api/v1/connections/" + connection + "/sync")
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(202);
        long deadline = System.nanoTime() + 120_000_000_000L;
        SchemaSnapshot latest = first;
        while (latest.discoveredAt().equals(first.discoveredAt()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            latest = snapshots.latest(owner.orgId(), connection).orElseThrow();
        }
        assertThat(latest.discoveredAt()).isAfter(first.discoveredAt());
        assertThat(latest)
                .isNotSameAs(first)
                .isEqualTo(new SchemaSnapshot(connection, latest.discoveredAt(), first.tables()));
        assertThat(snapshots.latest(owner.orgId(), connection)).containsSame(latest);
    }

    private SchemaSnapshot awaitSnapshot(UUID orgId, UUID connection) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            var found = snapshots.latest(orgId, connection);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no snapshot of " + connection);
    }
}
