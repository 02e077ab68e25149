/** Monthly LLM token budgets per organization: the check before a provider call and the usage counter. */
package io.datamind.budget;
