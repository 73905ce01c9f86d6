import { useRef, useState, type FormEvent } from 'react';
import type { MemberDto } from '../../../../src/contracts/dto.ts';
import { ZUpdateProfileInput, type UpdateProfileInput } from '../../../../src/contracts/team.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { TextAreaField, TextField } from '../../../components/field.tsx';
import { CheckIcon } from '../../../components/icons.tsx';
import { RoleBadge } from '../../../components/role-badge.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { useFocusFirstInvalid } from '../../../lib/use-focus-first-invalid.ts';
import { validate } from '../../../lib/validate.ts';
import { useUpdateProfile } from '../api/use-update-profile.ts';

type Draft = Partial<UpdateProfileInput>;

const FIELDS = ['name', 'title', 'phone', 'emailSignature'] as const;

/**
 * Edits only what the user touched: untouched fields keep following the live record, so a change
 * made in another tab shows here instead of being overwritten on save.
 */
export function ProfileForm({ profile }: { profile: MemberDto }) {
  const update = useUpdateProfile();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);

  const values: UpdateProfileInput = {
    name: draft.name ?? profile.name,
    title: draft.title ?? profile.title,
    phone: draft.phone ?? profile.phone,
    emailSignature: draft.emailSignature ?? profile.emailSignature,
  };
  const dirty = FIELDS.some((key) => values[key] !== profile[key]);
  const serverErrors = fieldErrorsOf(update.error);
  const errors = { ...serverErrors, ...clientErrors };
  useFocusFirstInvalid(formRef, attempt);

  const edit = (key: (typeof FIELDS)[number]) => (e: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [key]: e.target.value }));
    setClientErrors(({ [key]: _dropped, ...rest }) => rest);
    setSaved(false);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(ZUpdateProfileInput, values);
    setClientErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    update.reset();
    update.mutate(values, {
      onSuccess: () => {
        setDraft({});
        setSaved(true);
      },
      onError: () => setAttempt((n) => n + 1),
    });
  };

  const formError = update.error && Object.keys(serverErrors).length === 0 ? toUserMessage(update.error) : null;

  return (
    <form ref={formRef} className="form profile-form" onSubmit={onSubmit} noValidate>
      <div className="profile-identity">
        <Avatar name={values.name || profile.name} seed={profile.id} size="lg" />
        <div>
          <div className="profile-identity-name">{profile.name}</div>
          <div className="profile-identity-meta">
            <span>{profile.email}</span>
            <RoleBadge role={profile.role} />
          </div>
        </div>
      </div>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="form-grid">
        <TextField label="Full name" name="name" autoComplete="name" value={values.name} onChange={edit('name')} error={errors.name} />
        <TextField
          label="Job title"
          name="title"
          autoComplete="organization-title"
          placeholder="Support lead"
          value={values.title}
          onChange={edit('title')}
          error={errors.title}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          placeholder="+1 555 0100"
          value={values.phone}
          onChange={edit('phone')}
          error={errors.phone}
        />
        <TextField label="Email" name="email" type="email" value={profile.email} readOnly hint="Used to sign in. It can’t be changed yet." />
      </div>
      <TextAreaField
        label="Email signature"
        name="emailSignature"
        rows={5}
        placeholder={'Best,\nYour name · Your company'}
        value={values.emailSignature}
        onChange={edit('emailSignature')}
        error={errors.emailSignature}
        hint="Added below the replies you send to customers by email."
      />
      <div className="form-actions form-actions-bar">
        <div className="form-status" role="status">
          {saved && !dirty ? (
            <span className="text-success">
              <CheckIcon />
              Profile saved.
            </span>
          ) : dirty ? (
            <span className="text-muted">Unsaved changes</span>
          ) : null}
        </div>
        {dirty ? (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setDraft({});
              setClientErrors({});
              update.reset();
            }}
            disabled={update.isPending}
          >
            Discard
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={!dirty || update.isPending}>
          {update.isPending ? <Spinner /> : null}
          {update.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
