import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/Alert';
import { SelectField, TextField } from '@/components/form/Field';
import { toFormErrors, type FormErrors } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { aiSettingsApi, type AiSettingsChange, type AiSettingsView, type Provider } from './api';

const FIELDS = ['provider', 'model', 'baseUrl', 'apiKey'] as const;

const PROVIDER_OPTIONS = [
  { value: 'offline', label: 'Offline engine (built in, no key)' },
  { value: 'anthropic', label: 'Anthropic Claude' },
  { value: 'openai', label: 'OpenAI-compatible (OpenAI, Azure, Ollama, vLLM, LM Studio)' },
] as const;

const MODEL_HINT: Record<Provider, string> = {
  offline: '',
  anthropic: 'Leave empty for the instance default.',
  openai: 'The name the server knows, e.g. gpt-4o-mini or llama3.1:8b. Empty for the default.',
};

const BASE_URL_HINT: Record<Provider, string> = {
  offline: '',
  anthropic: 'Leave empty for Anthropic’s API (or the instance default).',
  openai:
    'As Spring AI takes it, e.g. https://api.openai.com or http://localhost:11434 for Ollama.',
};

export type KeyAction = 'keep' | 'replace' | 'clear';

/** What is sent: only the provider for offline; the key only when it is replaced or cleared. */
export function toChange(
  provider: Provider,
  model: string,
  baseUrl: string,
  key: { action: KeyAction; value: string },
): AiSettingsChange {
  if (provider === 'offline') return { provider, model: null, baseUrl: null };
  const change: AiSettingsChange = {
    provider,
    model: model.trim() || null,
    baseUrl: baseUrl.trim() || null,
  };
  if (key.action === 'replace') change.apiKey = key.value.trim();
  if (key.action === 'clear') change.apiKey = '';
  return change;
}

/** The organization's own value of a field, or '' when it is the instance default. */
function own(view: AiSettingsView, field: 'model' | 'baseUrl'): string {
  return view.instanceDefaults.includes(field) ? '' : (view[field] ?? '');
}

function keyHint(view: AiSettingsView, needsNewKey: boolean): string {
  if (needsNewKey) return 'A new provider or base URL needs its key again.';
  if (view.apiKeySet) return 'A key is set. Leave empty to keep it; type a new one to replace it.';
  if (view.apiKeySource === 'instance') return 'Empty uses the instance’s key for its own server.';
  return 'Stored encrypted; never shown again. Not needed for servers without keys (Ollama).';
}

/** Which provider answers this organization's questions. */
export function AiSettingsForm({ initial }: { initial: AiSettingsView }) {
  /** What the server last said: loaded, then the answer of each save. */
  const [view, setView] = useState(initial);
  const [provider, setProvider] = useState<Provider>(initial.provider);
  const [model, setModel] = useState(own(initial, 'model'));
  const [baseUrl, setBaseUrl] = useState(own(initial, 'baseUrl'));
  const [apiKey, setApiKey] = useState('');
  const [clearKey, setClearKey] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const remote = provider !== 'offline';
  const sameProvider = provider === view.provider;
  const needsNewKey = view.apiKeySet && (!sameProvider || baseUrl.trim() !== own(view, 'baseUrl'));
  // The instance's values, as placeholders, while they are the ones in use.
  const defaultOf = (field: 'model' | 'baseUrl') =>
    sameProvider && view.instanceDefaults.includes(field) ? (view[field] ?? '') : '';

  const submit = async (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaving(true);
    setSaved(false);
    setErrors({ fields: {} });
    const action: KeyAction = apiKey.trim() ? 'replace' : clearKey ? 'clear' : 'keep';
    try {
      const saved = await aiSettingsApi.save(
        toChange(provider, model, baseUrl, { action, value: apiKey }),
      );
      setView(saved);
      setModel(own(saved, 'model'));
      setBaseUrl(own(saved, 'baseUrl'));
      setApiKey('');
      setClearKey(false);
      setSaved(true);
    } catch (error) {
      setErrors(toFormErrors(error, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="form card"
      aria-label="AI provider"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="card__header">
        <h2 className="card__title">Provider</h2>
        <p className="muted">
          {view.custom
            ? `Your organization’s own choice${view.updatedAt ? `, last changed ${formatDateTime(view.updatedAt)}` : ''}.`
            : 'Your organization uses the instance defaults.'}
        </p>
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
            placeholder={defaultOf('model')}
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
            placeholder={defaultOf('baseUrl')}
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
            placeholder={view.apiKeySet && !needsNewKey ? '•••••••• (key set)' : ''}
            disabled={clearKey}
            error={errors.fields.apiKey}
            hint={keyHint(view, needsNewKey)}
            onChange={(e) => setApiKey(e.target.value)}
          />
          {view.apiKeySet && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={clearKey}
                onChange={(e) => {
                  setClearKey(e.target.checked);
                  if (e.target.checked) setApiKey('');
                }}
              />
              Remove the stored key
            </label>
          )}
        </>
      )}
      <div className="form__actions">
        {view.apiKeySet && <span className="badge badge--muted">Key set</span>}
        <button type="submit" className="btn btn--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
