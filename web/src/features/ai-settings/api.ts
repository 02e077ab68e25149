import { api } from '@/lib/api';

export const PROVIDERS = ['offline', 'anthropic', 'openai'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** The organization's provider as admins see it: never the key, only whether one is set. */
export interface AiSettingsView {
  /** The effective values (the organization's own, or the instance defaults). */
  provider: Provider;
  model: string | null;
  baseUrl: string | null;
  /** Whether the organization stored a key of its own. */
  apiKeySet: boolean;
  /** The key requests would carry. `instance`: the instance's, only ever sent to its own base URL. */
  apiKeySource: 'organization' | 'instance' | 'none';
  /** False when everything is the instance default. */
  custom: boolean;
  /** Which of provider, model and baseUrl come from the instance defaults. */
  instanceDefaults: string[];
  updatedAt: string | null;
}

/**
 * A change. Blank model and base URL take the instance defaults. `apiKey` absent keeps the stored key,
 * `''` clears it, anything else replaces it; a new provider or base URL needs the key again.
 */
export interface AiSettingsChange {
  provider: Provider;
  model: string | null;
  baseUrl: string | null;
  apiKey?: string;
}

export const aiSettingsApi = {
  get: (signal?: AbortSignal) =>
    api.get<AiSettingsView>('/org/ai-settings', signal ? { signal } : undefined),
  save: (change: AiSettingsChange) => api.put<AiSettingsView>('/org/ai-settings', change),
};
