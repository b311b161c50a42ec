import { PaperClipOutlined } from '@ant-design/icons';
import {
  ENTRY_KIND_LABELS,
  type LedgerEntry,
  type LightHistoryEntry,
  type Recruitment,
} from '@gaodi/contracts';
import { Button, Card, Descriptions, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { fileHref } from '../../ui/files.ts';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Panel } from '../../ui/page.tsx';
import { LightTag, lightReasonsText } from '../supervision/light-tag.tsx';
import { kindLabelEn, stageLabel } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';

/** What the record is: mode, industry, owner, next step, signing, platform, exit reason, notes. */
export function RecordFacts({ record: r }: { record: Recruitment }) {
  const { lang } = useI18n();
  const t = useText();
  return (
    <Panel>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('mode')}>{r.cooperationMode || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('industry')}>{r.industryName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('owner')}>{r.owner?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('nextStep')}>
          {r.nextStep || '—'} {r.nextDate && `（${formatDate(r.nextDate, lang)}）`}
        </Descriptions.Item>
        {r.signedOn && (
          <Descriptions.Item label={t('signedOn')}>{formatDate(r.signedOn, lang)}</Descriptions.Item>
        )}
        {r.agreement && (
          <Descriptions.Item label={t('agreement')}>
            <a href={fileHref(r.agreement.id)}>
              <PaperClipOutlined /> {r.agreement.name}
            </a>
          </Descriptions.Item>
        )}
        {r.platformName && <Descriptions.Item label={t('platform')}>{r.platformName}</Descriptions.Item>}
        {r.exitReason && <Descriptions.Item label={t('exitReason')}>{r.exitReason}</Descriptions.Item>}
        {r.notes && <Descriptions.Item label={t('notes')}>{r.notes}</Descriptions.Item>}
      </Descriptions>
    </Panel>
  );
}

type EntryAction = { editing?: LedgerEntry; correcting?: LedgerEntry };

/** The work ledger (工作台账) as a timeline, newest first; young entries editable, older ones corrected. */
export function LedgerCard({
  entries,
  mayUpdate,
  onEntry,
}: {
  entries: LedgerEntry[];
  mayUpdate: boolean;
  onEntry: (action: EntryAction) => void;
}) {
  const t = useText();
  const entryById = new Map(entries.map((e) => [e.id, e]));
  return (
    <Card
      title={t('ledger')}
      size="small"
      style={{ marginTop: 16 }}
      extra={t('entriesCount', { n: entries.length })}
    >
      {entries.length === 0 ? (
        <Empty description={t('none')} />
      ) : (
        <Timeline
          data-testid="ledger-timeline"
          items={entries.map((e) => ({
            color: e.stageTo ? 'blue' : e.correctsId ? 'orange' : 'gray',
            children: (
              <LedgerEntryItem
                entry={e}
                corrected={e.correctsId ? entryById.get(e.correctsId) : undefined}
                mayUpdate={mayUpdate}
                onEntry={onEntry}
              />
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** One ledger entry: date, kind, stage change or correction, content, result, next step, files. */
function LedgerEntryItem({
  entry: e,
  corrected,
  mayUpdate,
  onEntry,
}: {
  entry: LedgerEntry;
  corrected: LedgerEntry | undefined;
  mayUpdate: boolean;
  onEntry: (action: EntryAction) => void;
}) {
  const { lang } = useI18n();
  const t = useText();
  const kindText = (k: LedgerEntry['kind']) => (lang === 'en' ? kindLabelEn(k) : ENTRY_KIND_LABELS[k]);
  return (
    <div data-testid="ledger-entry">
      <Flex gap={8} wrap align="center">
        <b>{formatDate(e.entryOn, lang)}</b>
        <Tag>{kindText(e.kind)}</Tag>
        {e.stageTo && (
          <Tag color="blue">
            {t('stageEntry')} {e.stageFrom ? stageLabel(e.stageFrom, lang) : ''} →{' '}
            {stageLabel(e.stageTo, lang)}
          </Tag>
        )}
        {e.correctsId && (
          <Tag color="orange">{t('corrects', { date: formatDate(corrected?.entryOn, lang) })}</Tag>
        )}
        <Typography.Text type="secondary">{e.participants}</Typography.Text>
      </Flex>
      <div style={{ whiteSpace: 'pre-wrap' }}>{e.content}</div>
      {e.result && <Typography.Text type="success">{e.result}</Typography.Text>}
      {e.nextStep && (
        <div>
          <Typography.Text type="secondary">
            {t('nextStep')}：{e.nextStep} {e.nextDate && `（${formatDate(e.nextDate, lang)}）`}
          </Typography.Text>
        </div>
      )}
      {e.attachments.map((a) => (
        <a key={a.id} href={fileHref(a.id)} style={{ marginRight: 8 }}>
          <PaperClipOutlined /> {a.name}
        </a>
      ))}
      <Flex gap={8} align="center">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {e.authorName} · {formatDateTime(e.createdAt, lang)}
        </Typography.Text>
        {mayUpdate &&
          (e.isEditable ? (
            <Button size="small" type="link" onClick={() => onEntry({ editing: e })}>
              {t('edit')}
            </Button>
          ) : (
            <Button size="small" type="link" title={t('locked')} onClick={() => onEntry({ correcting: e })}>
              {t('correct')}
            </Button>
          ))}
      </Flex>
    </div>
  );
}

/** When the record's light changed, and why. */
export function LightHistoryCard({ history }: { history: LightHistoryEntry[] }) {
  const { lang } = useI18n();
  const t = useText();
  return (
    <Card title={t('lightHistory')} size="small" style={{ marginTop: 16 }}>
      {history.length === 0 ? (
        <Empty description={t('none')} />
      ) : (
        <Timeline
          items={history.map((h) => ({
            color:
              h.light === 'red'
                ? 'red'
                : h.light === 'yellow'
                  ? 'orange'
                  : h.light === 'green'
                    ? 'green'
                    : 'gray',
            children: (
              <div>
                <LightTag light={{ light: h.light, reasons: h.reasons, since: h.at }} lang={lang} />{' '}
                {formatDateTime(h.at, lang)}
                <div style={{ fontSize: 12, color: '#888' }}>{lightReasonsText(h.reasons, lang)}</div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** 一院所一专班: the record's task force. */
export function TaskForceCard({ record: r }: { record: Recruitment }) {
  const t = useText();
  return (
    <Card title={t('taskForce')} size="small">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('lead')}>{r.taskForceLead?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('members')}>
          {r.taskForceMembers.map((m) => m.name).join('、') || '—'}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
