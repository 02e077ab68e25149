import { useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { TextField } from '@/components/form/Field';
import { PageHeader } from '@/components/PageHeader';
import { toFormErrors, type FormErrors } from '@/lib/form-errors';
import { uploadFile, type LoadReport } from './api';
import { UploadReport } from './UploadReport';
import '@/features/connections/connections.css';

const FIELDS = ['file', 'table'] as const;

/** `/uploads`: load a CSV or XLSX file into a new table, with upload progress and the load report. */
export function UploadPage() {
  const [file, setFile] = useState<File | null>(null);
  const [table, setTable] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [report, setReport] = useState<LoadReport | null>(null);
  const abort = useRef<AbortController | null>(null);

  const onSubmit = async (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!file) {
      setErrors({ fields: { file: 'Choose a CSV or XLSX file.' } });
      return;
    }
    setErrors({ fields: {} });
    setReport(null);
    setProgress(0);
    abort.current = new AbortController();
    try {
      setReport(await uploadFile(file, table, setProgress, abort.current.signal));
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) {
        setErrors(toFormErrors(error, FIELDS));
      }
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const uploading = progress !== null;
  const percent = Math.round((progress ?? 0) * 100);
  return (
    <div className="page">
      <PageHeader
        title="Upload data"
        subtitle={
          <>
            A CSV or Excel (.xlsx) file becomes a table of your organization’s{' '}
            <Link to="/connections">Uploads connection</Link>, ready for questions.
          </>
        }
      />

      <form
        className="card form"
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        aria-label="Upload a file"
      >
        {errors.form && <Alert>{errors.form}</Alert>}
        <div className="form__grid">
          <div className={errors.fields.file ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor="upload-file">
              File
            </label>
            <input
              id="upload-file"
              name="file"
              type="file"
              className="input"
              accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={errors.fields.file ? true : undefined}
              aria-describedby="upload-file-note"
              disabled={uploading}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setErrors({ fields: {} });
              }}
            />
            <p
              className={errors.fields.file ? 'field__error' : 'field__hint'}
              id="upload-file-note"
            >
              {errors.fields.file ??
                'The first row names the columns. Types are found from the values; rows that do not fit are reported.'}
            </p>
          </div>
          <TextField
            label="Table name (optional)"
            name="table"
            value={table}
            onChange={(e) => setTable(e.target.value)}
            error={errors.fields.table}
            disabled={uploading}
            autoComplete="off"
            hint="Made from the file name when left blank."
          />
        </div>
        {uploading && (
          <div className="upload__progress">
            <progress max={100} value={percent} aria-label="Upload progress">
              {percent}%
            </progress>
            <span className="muted" role="status">
              {percent < 100 ? `Uploading… ${percent}%` : 'Loading the rows…'}
            </span>
          </div>
        )}
        <div className="form__actions">
          {uploading && (
            <button type="button" className="btn btn--ghost" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          )}
          <button type="submit" className="btn btn--primary" disabled={uploading}>
            {uploading ? 'Uploading…' : 'Upload'}
          </button>
        </div>
      </form>

      {report && <UploadReport report={report} />}
    </div>
  );
}
