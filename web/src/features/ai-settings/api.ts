import { api } from '@/lib/api';

export const PROVIDERS = ['offline', 'anthropic', 'openai'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** The organization's provider as the server shows it: never the key, only whether one is set. */
export interface AiSettingsView {
  provider: Provider;
  model: string | null;
  baseUrl: string | null;
  apiKeySet: boolean;
}

/** A change; an absent `apiKey` keeps the stored key. */
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
