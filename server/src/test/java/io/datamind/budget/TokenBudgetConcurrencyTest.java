package io.datamind.budget;

import io.datamind.support.IntegrationTest;

/** On the embedded H2 database. */
@IntegrationTest
class TokenBudgetConcurrencyTest extends TokenBudgetConcurrency {}
