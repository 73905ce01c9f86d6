import { useId, useState } from 'react';
import type { ImportReportDto } from '../../../../src/contracts/contact.ts';
import { UploadIcon } from '../../../components/icons.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { useImportContacts } from '../api/use-contact-mutations.ts';

const COLUMNS = 'name, email, phone, company, stage, source, tags (separated by ;), notes, owner_email';
const MAX_BYTES = 5_000_000;

function Report({ report }: { report: ImportReportDto }) {
  return (
    <div className="import-report" data-testid="import-report">
      <Alert tone={report.failed > 0 ? 'warning' : 'success'}>
        {report.rows} rows read: <strong>{report.created}</strong> created, <strong>{report.updated}</strong> updated (matched by email or phone)
        {report.failed > 0 ? (
          <>
            , <strong>{report.failed}</strong> not imported. Fix these rows and import the file again; rows already imported are updated, not duplicated.
          </>
        ) : (
          '.'
        )}
      </Alert>
      {report.errors.length > 0 ? (
        <div className="table-scroll import-errors">
          <table className="table table-dense" aria-label="Rows not imported">
            <thead>
              <tr>
                <th className="col-line">Line</th>
                <th className="col-field">Column</th>
                <th>Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.flatMap((row) =>
                Object.entries(row.errors).map(([field, messages]) => (
                  <tr key={`${row.row}:${field}`}>
                    <td className="mono">{row.row}</td>
                    <td className="mono">{field === '_row' ? '—' : field}</td>
                    <td>{messages.join(' ')}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

/** CSV import: pick a file, import it, see what happened to every row. */
export function ImportContacts({ onClose }: { onClose: () => void }) {
  const importer = useImportContacts();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [createTasks, setCreateTasks] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);

  const run = async () => {
    if (!file) return setFileError('Choose a CSV file first.');
    if (file.size > MAX_BYTES) return setFileError('Import at most 5 MB at once: split the file.');
    setFileError(null);
    const csv = await file.text();
    importer.mutate({ csv, createTasks });
  };

  return (
    <div className="form import">
      <div className="field">
        <label className="field-label" htmlFor={inputId}>
          CSV file
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          className="input input-file"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            importer.reset();
            setFileError(null);
          }}
        />
        <div className="field-hint">
          First line is the header. Columns: <span className="mono">{COLUMNS}</span>. Each row needs a name, an email or a phone.
        </div>
      </div>
      <label className="check">
        <input type="checkbox" checked={createTasks} onChange={(e) => setCreateTasks(e.target.checked)} />
        Create follow-up tasks for new leads
      </label>
      {fileError ? <Alert tone="error">{fileError}</Alert> : null}
      {importer.error ? <Alert tone="error">{toUserMessage(importer.error)}</Alert> : null}
      {importer.data ? <Report report={importer.data} /> : null}
      <div className="form-actions form-actions-bar">
        <button type="button" className="btn btn-secondary" onClick={onClose} disabled={importer.isPending}>
          {importer.data ? 'Done' : 'Cancel'}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={importer.isPending || !file}>
          {importer.isPending ? <Spinner /> : <UploadIcon />}
          Import
        </button>
      </div>
    </div>
  );
}
