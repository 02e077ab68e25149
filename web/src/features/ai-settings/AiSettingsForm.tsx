import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/Alert';
import { SelectField, TextField } from '@/components/form/Field';
import { toFormErrors, type FormErrors } from '@/features/auth/form-errors';
import { aiSettingsApi, type AiSettingsChange, type AiSettingsView, type Provider } from './api';

const FIELDS = ['provider', 'model', 'baseUrl', 'apiKey'] as const;

const PROVIDER_OPTIONS = [
  { value: 'offline', label: 'Offline engine (built in, no key)' },
  { value: 'anthropic', label: 'Anthropic Claude' },
  { value: 'openai', label: 'OpenAI-compatible (OpenAI, Azure, Ollama, vLLM, LM Studio)' },
] as const;

const MODEL_HINT: Record<Provider, string> = {
  offline: '',
  anthropic: 'Leave empty for the instance default (a current Claude Sonnet).',
  openai: 'The model name the server knows, e.g. gpt-4o-mini or llama3.1.',
};

const BASE_URL_HINT: Record<Provider, string> = {
  offline: '',
  anthropic: 'Leave empty for Anthropic’s API.',
  openai:
    'As Spring AI takes it, e.g. https://api.openai.com or http://localhost:11434 for Ollama.',
};

/** What is sent: nothing but the provider for offline; the key only when one was typed. */
export function toChange(
  provider: Provider,
  model: string,
  baseUrl: string,
  apiKey: string,
): AiSettingsChange {
  if (provider === 'offline') return { provider, model: null, baseUrl: null };
  const change: AiSettingsChange = {
    provider,
    model: model.trim() || null,
    baseUrl: baseUrl.trim() || null,
  };
  if (apiKey.trim()) change.apiKey = apiKey.trim();
  return change;
}

/** Which provider answers this organization's questions. */
export function AiSettingsForm({
  initial,
  onSaved,
}: {
  initial: AiSettingsView;
  onSaved: (v: AiSettingsView) => void;
}) {
  const [provider, setProvider] = useState<Provider>(initial.provider);
  const [model, setModel] = useState(initial.model ?? '');
  const [baseUrl, setBaseUrl] = useState(initial.baseUrl ?? '');
  const [apiKey, setApiKey] = useState('');
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const remote = provider !== 'offline';

  const submit = async (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaving(true);
    setSaved(false);
    setErrors({ fields: {} });
    try {
      const view = await aiSettingsApi.save(toChange(provider, model, baseUrl, apiKey));
      setApiKey('');
      setSaved(true);
      onSaved(view);
    } catch (error) {
      setErrors(toFormErrors(error, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  const keyHint = initial.apiKeySet
    ? 'A key is set. Leave empty to keep it; type a new one to replace it.'
    : 'Stored encrypted; never shown again.';

  return (
    <form
      className="form card"
      aria-label="AI provider"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="card__header">
        <h2 className="card__title">Provider</h2>
        <p className="muted">Where questions go to be turned into SQL and results into analyses.</p>
      </div>
      {errors.form && <Alert title="Could not save">{errors.form}</Alert>}
      {saved && <Alert tone="success">AI settings saved.</Alert>}
      <SelectField
        label="Provider"
        name="provider"
        value={provider}
        options={PROVIDER_OPTIONS}
        error={errors.fields.provider}
        onChange={(e) => setProvider(e.target.value as Provider)}
      />
      {remote && (
        <>
          <TextField
            label="Model"
            name="model"
            value={model}
            autoComplete="off"
            error={errors.fields.model}
            hint={MODEL_HINT[provider]}
            onChange={(e) => setModel(e.target.value)}
          />
          <TextField
            label="Base URL"
            name="baseUrl"
            type="url"
            value={baseUrl}
            autoComplete="off"
            error={errors.fields.baseUrl}
            hint={BASE_URL_HINT[provider]}
            onChange={(e) => setBaseUrl(e.target.value)}
          />
          <TextField
            label="API key"
            name="apiKey"
            type="password"
            value={apiKey}
            autoComplete="new-password"
            placeholder={initial.apiKeySet ? '•••••••• (key set)' : ''}
            error={errors.fields.apiKey}
            hint={keyHint}
            onChange={(e) => setApiKey(e.target.value)}
          />
        </>
      )}
      <div className="form__actions">
        {initial.apiKeySet && <span className="badge badge--muted">Key set</span>}
        <button type="submit" className="btn btn--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
