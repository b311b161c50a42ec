import { Alert, Button, type FormInstance, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { isApiError, type VersionConflict, versionOf } from './api.ts';
import { useI18n } from './i18n.tsx';
import { changedFieldLabels } from './version-conflict.ts';

/** What an edit form needs of its record's query (a react-query result). */
type RecordQuery<T> = {
  data: T | undefined;
  refetch: (options: { throwOnError: true }) => Promise<{ data?: T | undefined }>;
};

export type EditVersion<T> = {
  /** The record the form's values come from: its initial values. */
  record: T | undefined;
  /** That record's version, sent with the save as `If-Match` (undefined when creating). */
  ifMatch: string | undefined;
  /** After a save refused because someone else changed the record first: what changed. */
  conflict: VersionConflict | null;
  /** True when the save's error is such a refusal (shown by <VersionConflictAlert>, not as a field error). */
  caught: (error: unknown) => boolean;
  /** Loads the latest record into the form: every field takes its current value. */
  reload: () => Promise<void>;
  reloading: boolean;
  reloadError: string | null;
};

/**
 * Optimistic concurrency for an edit form (the server's ETag / If-Match, issue 17): the form keeps
 * the version its values came from and saves with it, so a save after someone else's is refused
 * (409) instead of overwriting their change. The record the form opened from is kept while the
 * user edits; a newer answer of the query is taken only while no field has been touched, or when
 * the user asks for it after a refusal (`reload`) — then the whole form shows the latest values,
 * nothing typed before is kept.
 */
export function useEditVersion<T extends object>(query: RecordQuery<T>, form: FormInstance): EditVersion<T> {
  const [record, setRecord] = useState<T | undefined>(query.data);
  const [conflict, setConflict] = useState<VersionConflict | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<string | null>(null);
  const reset = useRef(false);
  const latest = query.data;
  if (latest !== undefined && latest !== record) {
    if (record === undefined)
      setRecord(latest); // loaded after the first render: the form opens from it
    else if (sameValues(record, latest))
      setRecord(latest); // the same values, now with their version
    else if (!form.isFieldsTouched()) {
      reset.current = true; // refreshed before the user typed anything: show the latest
      setRecord(latest);
    }
  }
  useEffect(() => {
    if (!reset.current || record === undefined) return;
    reset.current = false;
    form.resetFields(); // to the initial values rendered from `record`
  }, [record, form]);
  // A copy without its version (the answer of another write, e.g. a stage move, put in the cache):
  // read the record again to learn it.
  const { refetch } = query;
  useEffect(() => {
    if (record !== undefined && versionOf(record) === undefined)
      void refetch({ throwOnError: true }).catch(() => {});
  }, [record, refetch]);

  const caught = (error: unknown) => {
    if (!isApiError(error) || error.code !== 'VERSION_CONFLICT') return false;
    setConflict(error.current ?? { version: 0, changed: [] });
    return true;
  };
  const reload = async () => {
    setReloading(true);
    setReloadError(null);
    try {
      const fresh = await query.refetch({ throwOnError: true });
      if (fresh.data !== undefined) {
        reset.current = true;
        setRecord(fresh.data);
        setConflict(null);
      }
    } catch (error) {
      setReloadError(error instanceof Error ? error.message : String(error));
    } finally {
      setReloading(false);
    }
  };
  // Values whose version is unknown are saved as of version 0, which the server refuses (409):
  // the user is offered the latest values rather than overwriting them unseen.
  const ifMatch = record === undefined ? undefined : (versionOf(record) ?? '"0"');
  return { record, ifMatch, conflict, caught, reload, reloading, reloadError };
}

const sameValues = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Says that someone else changed the record since the form was opened, which fields their change
 * touched, that nothing was saved, and offers to load the latest values (what was typed is not kept).
 */
export function VersionConflictAlert({ edit, schema }: { edit: EditVersion<unknown>; schema: z.ZodType }) {
  const { t, lang } = useI18n();
  if (!edit.conflict) return null;
  const fields = changedFieldLabels(edit.conflict.changed, schema, lang, t('conflict.otherFields'));
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="version-conflict"
      title={t('conflict.title')}
      description={
        <>
          {fields.length > 0 && (
            <div data-testid="version-conflict-fields">
              {t('conflict.fields', { fields: fields.join(lang === 'zh' ? '、' : ', ') })}
            </div>
          )}
          <div>{t('conflict.notSaved')}</div>
          {edit.reloadError && <Typography.Text type="danger">{edit.reloadError}</Typography.Text>}
        </>
      }
      action={
        <Button
          type="primary"
          size="small"
          loading={edit.reloading}
          onClick={() => void edit.reload()}
          data-testid="version-conflict-reload"
        >
          {t('conflict.reload')}
        </Button>
      }
    />
  );
}
