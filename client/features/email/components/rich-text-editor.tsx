import Link from '@tiptap/extension-link';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef } from 'react';
import { BoldIcon, ItalicIcon, LinkIcon, ListIcon } from '../../../components/icons.tsx';

export type RichTextEditorProps = {
  /** HTML. Read when `contentKey` changes (a new AI draft), not on every keystroke. */
  initialHtml: string;
  contentKey: string;
  /** `fromUser` is false when a new draft replaced the content. */
  onChange: (html: string, text: string, fromUser: boolean) => void;
  disabled?: boolean;
  labelId: string;
  invalid?: boolean;
  /** Ctrl/⌘+Enter. */
  onSubmit?: () => void;
};

function ToolbarButton({ label, active, onClick, disabled, children }: { label: string; active: boolean; onClick: () => void; disabled: boolean; children: React.ReactNode }) {
  return (
    <button
      type="button"
      className="rte-button"
      aria-label={label}
      title={label}
      aria-pressed={active}
      disabled={disabled}
      // Keep the selection in the editor: a button taking focus would collapse it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

const promptLink = (editor: Editor) => {
  const previous = (editor.getAttributes('link').href as string | undefined) ?? '';
  const href = window.prompt('Link address', previous || 'https://');
  if (href === null) return;
  if (href.trim() === '' || href.trim() === 'https://') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return;
  }
  editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
};

function Toolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      list: e.isActive('bulletList'),
      link: e.isActive('link'),
    }),
  });
  return (
    <div className="rte-toolbar" role="toolbar" aria-label="Formatting">
      <ToolbarButton label="Bold (Ctrl+B)" active={state.bold} disabled={disabled} onClick={() => editor.chain().focus().toggleBold().run()}>
        <BoldIcon />
      </ToolbarButton>
      <ToolbarButton label="Italic (Ctrl+I)" active={state.italic} disabled={disabled} onClick={() => editor.chain().focus().toggleItalic().run()}>
        <ItalicIcon />
      </ToolbarButton>
      <ToolbarButton label="Bulleted list" active={state.list} disabled={disabled} onClick={() => editor.chain().focus().toggleBulletList().run()}>
        <ListIcon />
      </ToolbarButton>
      <ToolbarButton label="Link" active={state.link} disabled={disabled} onClick={() => promptLink(editor)}>
        <LinkIcon />
      </ToolbarButton>
    </div>
  );
}

/**
 * The email body editor (Tiptap). Loaded lazily by the composer, so ProseMirror stays out of
 * every other page's chunks.
 */
export function RichTextEditor({ initialHtml, contentKey, onChange, disabled = false, labelId, invalid = false, onSubmit }: RichTextEditorProps) {
  const latest = useRef({ onChange, onSubmit });
  latest.current = { onChange, onSubmit };
  const editor = useEditor({
    extensions: [
      // StarterKit bundles Link since v3; registered once, from its own package, with our options.
      StarterKit.configure({ link: false, heading: { levels: [2, 3] } }),
      Link.configure({ openOnClick: false, autolink: true, defaultProtocol: 'https', HTMLAttributes: { rel: 'noopener noreferrer', target: '_blank' } }),
    ],
    content: initialHtml,
    editable: !disabled,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'rte-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
        'data-testid': 'email-body-editor',
      },
      handleKeyDown: (_view, event) => {
        if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
          latest.current.onSubmit?.();
          return true;
        }
        return false;
      },
    },
    // Only edits count: Tiptap also emits "update" for setEditable and other non-changes.
    onUpdate: ({ editor: e, transaction }) => {
      if (transaction.docChanged) latest.current.onChange(e.isEmpty ? '' : e.getHTML(), e.getText(), true);
    },
  });

  // Tiptap destroys an editor whose component has not committed within a millisecond of its
  // creation (its StrictMode guard) and hands over a new one on the next render. On a loaded
  // machine these effects can run with the destroyed one, whose schema is gone: they wait for
  // the new one.
  const usable = (e: Editor | null): e is Editor => e !== null && !e.isDestroyed;

  // A new draft replaces what is in the box; typing does not come back through here.
  const appliedKey = useRef(contentKey);
  useEffect(() => {
    if (!usable(editor) || appliedKey.current === contentKey) return;
    appliedKey.current = contentKey;
    editor.commands.setContent(initialHtml, { emitUpdate: false });
    latest.current.onChange(editor.isEmpty ? '' : editor.getHTML(), editor.getText(), false);
  }, [editor, contentKey, initialHtml]);

  // The content it started with (a draft that arrived before this chunk did) counts as the body.
  useEffect(() => {
    if (usable(editor)) latest.current.onChange(editor.isEmpty ? '' : editor.getHTML(), editor.getText(), false);
  }, [editor]);

  useEffect(() => {
    if (usable(editor) && editor.isEditable === disabled) editor.setEditable(!disabled, false);
  }, [editor, disabled]);

  if (!usable(editor)) return <div className="rte rte-loading" aria-hidden="true" />;
  return (
    <div className={invalid ? 'rte rte-invalid' : 'rte'} data-disabled={disabled || undefined}>
      <Toolbar editor={editor} disabled={disabled} />
      <EditorContent editor={editor} />
    </div>
  );
}
