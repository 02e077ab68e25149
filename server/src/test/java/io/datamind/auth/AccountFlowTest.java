package io.datamind.auth;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole account journey on the embedded H2 application database. */
@IntegrationTest
class AccountFlowTest {

    @LocalServerPort
    int port;

    @Test
    void registerLoginMeMembersOnH2() {
        AccountFlow.run(new HttpApi(port));
    }
}
