import { useState } from 'react';
import type { z } from 'zod';
import type { ZExportCsvInput } from '../../../../src/contracts/dashboard.ts';
import { toUserMessage } from '../../../lib/errors.ts';
import { trpc } from '../../../lib/trpc.ts';
import { viewerTimeZone } from './use-live-dashboard.ts';

type ExportInput = Omit<z.input<typeof ZExportCsvInput>, 'timeZone'>;

/** Asks the server for a table as CSV and hands it to the browser as a download. */
export const useExportCsv = () => {
  const utils = trpc.useUtils();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async (input: ExportInput) => {
    setBusy(true);
    setError(null);
    try {
      const { filename, csv } = await utils.client.dashboard.exportCsv.query({ ...input, timeZone: viewerTimeZone() });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
    } catch (err) {
      setError(toUserMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { download, busy, error };
};
