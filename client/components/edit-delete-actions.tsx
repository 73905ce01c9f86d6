import { PencilIcon, TrashIcon } from './icons.tsx';

/** The Edit / Delete pair on a settings card; `name` gives both buttons an accessible label. */
export function EditDeleteActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <>
      <button type="button" className="btn btn-secondary btn-sm" onClick={onEdit} aria-label={`Edit ${name}`}>
        <PencilIcon /> Edit
      </button>
      <button type="button" className="btn btn-ghost btn-sm btn-ghost-danger" onClick={onDelete} aria-label={`Delete ${name}`}>
        <TrashIcon /> Delete
      </button>
    </>
  );
}
