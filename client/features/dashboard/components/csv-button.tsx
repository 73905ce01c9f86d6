import type { ComponentProps } from 'react';
import { useExportCsv } from '../api/use-export-csv.ts';

type Input = Parameters<ReturnType<typeof useExportCsv>['download']>[0];

/** Downloads one table as CSV; says so when it fails. */
export function CsvButton({ input, ...rest }: { input: Input } & Omit<ComponentProps<'button'>, 'onClick'>) {
  const { download, busy, error } = useExportCsv();
  return (
    <span className="csv-button">
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => void download(input)} disabled={busy} {...rest}>
        {busy ? 'Exporting…' : 'CSV'}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
