import { useState } from 'react';
import type { ContactFilter } from '../../../../src/contracts/contact.ts';
import { toUserMessage } from '../../../lib/errors.ts';
import { trpc } from '../../../lib/trpc.ts';

/** Asks the server for the filtered contacts as CSV and hands the browser a file to save. */
export const useExportContacts = () => {
  const utils = trpc.useUtils();
  const [state, setState] = useState<{ pending: boolean; error: string | null }>({ pending: false, error: null });
  const run = async (filter: ContactFilter) => {
    setState({ pending: true, error: null });
    try {
      const { filename, csv } = await utils.client.contact.export.query(filter);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
      setState({ pending: false, error: null });
    } catch (err) {
      setState({ pending: false, error: toUserMessage(err) });
    }
  };
  return { run, ...state };
};
