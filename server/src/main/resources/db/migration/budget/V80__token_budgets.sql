-- Each organization's monthly token budget and its usage in the current period (a UTC calendar month). A row is
-- made on first use; monthly_budget NULL means the instance default (datamind.budget.default-monthly-tokens).
-- used_tokens belongs to the month starting period_start; the first charge in a later month starts it again.
CREATE TABLE token_budgets (
    org_id UUID NOT NULL PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    monthly_budget BIGINT,
    used_tokens BIGINT NOT NULL,
    period_start DATE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
