'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';

import { addNoteAction, assignAction, changeStatusAction, type CaseFormState } from '../actions';

const Feedback = ({ state }: { state: CaseFormState }) => (
  <>
    {state.ok && (
      <p className="status status--info" role="status">
        {state.ok}
      </p>
    )}
    {state.errors?.form && (
      <p className="status status--error" role="alert">
        {state.errors.form}
      </p>
    )}
  </>
);

const FieldError = ({ id, message }: { id: string; message?: string }) =>
  message ? (
    <span className="field__error" id={id}>
      {message}
    </span>
  ) : null;

export function StatusForm({
  code,
  status,
  publicReply,
}: {
  code: string;
  status: string;
  publicReply: string | null;
}) {
  const [state, action, pending] = useActionState<CaseFormState, FormData>(changeStatusAction.bind(null, code), {});
  // Submitted by hand, not through `action`: React resets a form after its action runs, which
  // showed the old status again after a refused try and sent it with the next one.
  const [value, setValue] = useState(status);
  const [reply, setReply] = useState(publicReply ?? '');
  return (
    <form onSubmit={submitWithoutReset(action)} className="form">
      <Feedback state={state} />
      <label className="field">
        <span>Trạng thái</span>
        <select
          name="status"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={state.errors?.status ? true : undefined}
          aria-describedby="status-error"
        >
          <option value="new">Mới</option>
          <option value="in_progress">Đang xử lý</option>
          <option value="resolved">Đã xử lý</option>
          <option value="dismissed">Không cần xử lý</option>
        </select>
        <FieldError id="status-error" message={state.errors?.status} />
      </label>
      <label className="field">
        <span>Trả lời công khai (người dân xem được khi tra cứu mã)</span>
        <textarea
          name="publicReply"
          rows={4}
          maxLength={4000}
          value={reply}
          onChange={(e) => setReply(e.target.value)}
          aria-invalid={state.errors?.publicReply ? true : undefined}
          aria-describedby="reply-error"
        />
        <FieldError id="reply-error" message={state.errors?.publicReply} />
      </label>
      <button className="button" type="submit" disabled={pending}>
        Lưu trạng thái
      </button>
    </form>
  );
}

export function AssignForm({
  code,
  assigneeId,
  candidates,
}: {
  code: string;
  assigneeId: number | null;
  candidates: Array<{ id: number; label: string }>;
}) {
  const [state, action, pending] = useActionState<CaseFormState, FormData>(assignAction.bind(null, code), {});
  const [value, setValue] = useState(assigneeId === null ? '' : String(assigneeId));
  return (
    <form onSubmit={submitWithoutReset(action)} className="form form--inline">
      <Feedback state={state} />
      <label className="field">
        <span>Giao cho</span>
        <select
          name="assignee"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-describedby="assignee-error"
        >
          <option value="">— Chưa giao —</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <FieldError id="assignee-error" message={state.errors?.assignee} />
      </label>
      <button className="button" type="submit" disabled={pending}>
        Giao
      </button>
    </form>
  );
}

export function NoteForm({ code }: { code: string }) {
  const [state, action, pending] = useActionState<CaseFormState, FormData>(addNoteAction.bind(null, code), {});
  return (
    <form action={action} className="form">
      <Feedback state={state} />
      <label className="field">
        <span>Ghi chú nội bộ (người dân không xem được)</span>
        <textarea name="body" rows={3} maxLength={4000} aria-describedby="note-error" />
        <FieldError id="note-error" message={state.errors?.body} />
      </label>
      <button className="button" type="submit" disabled={pending}>
        Thêm ghi chú
      </button>
    </form>
  );
}

function submitWithoutReset(action: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
}
