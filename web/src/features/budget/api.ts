import { api } from '@/lib/api';

/** The organization's token budget in the current (UTC) month. */
export interface BudgetStatus {
  budget: number;
  /** May exceed the budget: the call that crosses it is charged in full. */
  used: number;
  remaining: number;
  /** Percent with one decimal; 100 for a budget of 0. */
  pctUsed: number;
  resetsAt: string;
}

export const budgetApi = {
  get: (signal?: AbortSignal) =>
    api.get<BudgetStatus>('/org/budget', signal ? { signal } : undefined),
  set: (monthlyTokenBudget: number) => api.put<BudgetStatus>('/org/budget', { monthlyTokenBudget }),
};
