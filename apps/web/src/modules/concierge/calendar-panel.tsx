import type { CalendarDay } from '@gaodi/contracts';
import { Alert, App, Button, Flex, Input, InputNumber, Segmented, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../ui/api.ts';
import { QueryError } from '../../ui/error-pages.tsx';
import { type Translate, useI18n } from '../../ui/i18n.tsx';
import { PageLoading } from '../../ui/page.tsx';
import { useCalendarYear, useSaveCalendarYear } from './use-service-settings.ts';

/**
 * Reads pasted lines "2027-10-01 休 国庆节" / "2027-09-26 班 国庆调休" (the way the State Council's
 * notice is usually copied into a sheet): 休 = holiday, 班 = adjusted working day.
 */
export function parseCalendarLines(text: string): {
  days: CalendarDay[];
  bad: { n: number; line: string }[];
} {
  const days: CalendarDay[] = [];
  const bad: { n: number; line: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^(\d{4}-\d{2}-\d{2})\s+(休|班)\s*(.*)$/.exec(line);
    if (!m?.[1] || !m[2]) bad.push({ n: i + 1, line });
    else days.push({ date: m[1], isWorking: m[2] === '班', name: (m[3] ?? '').slice(0, 40) });
  });
  return { days, bad };
}

/** The calendar table's columns: the day, holiday or 调休 working day, its name, remove. */
function calendarColumns(
  t: Translate,
  mayEdit: boolean,
  update: (date: string, patch: Partial<CalendarDay>) => void,
  remove: (date: string) => void,
): TableColumnsType<CalendarDay> {
  return [
    { title: t('ct.date'), dataIndex: 'date' },
    {
      title: t('ct.isWorking'),
      key: 'isWorking',
      render: (_, d) => (
        <Segmented
          disabled={!mayEdit}
          value={d.isWorking ? 'work' : 'rest'}
          onChange={(v) => update(d.date, { isWorking: v === 'work' })}
          options={[
            { value: 'rest', label: t('ct.holiday') },
            { value: 'work', label: t('ct.isWorking') },
          ]}
        />
      ),
    },
    {
      title: t('ct.dayName'),
      key: 'name',
      render: (_, d) => (
        <Input
          disabled={!mayEdit}
          value={d.name}
          maxLength={40}
          onChange={(e) => update(d.date, { name: e.target.value })}
        />
      ),
    },
    ...(mayEdit
      ? [
          {
            key: 'remove',
            render: (_: unknown, d: CalendarDay) => (
              <Button size="small" onClick={() => remove(d.date)}>
                {t('common.delete')}
              </Button>
            ),
          },
        ]
      : []),
  ];
}

/** 工作日历: a year's holidays and 调休 working days; saving replaces the year. */
export function CalendarPanel({ mayEdit }: { mayEdit: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const calendar = useCalendarYear(year);
  const save = useSaveCalendarYear(year);
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [paste, setPaste] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    if (calendar.data) setDays(calendar.data.days);
  }, [calendar.data]);
  if (calendar.isError) return <QueryError error={calendar.error} onRetry={() => calendar.refetch()} />;
  if (!calendar.data) return <PageLoading />;
  const readPaste = () => {
    const { days: read, bad } = parseCalendarLines(paste);
    setProblems(bad.map((b) => t('ct.pasteBad', { n: b.n, line: b.line })));
    const byDate = new Map([...days, ...read].map((d) => [d.date, d]));
    setDays([...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)));
    if (bad.length === 0) setPaste('');
  };
  const submit = async () => {
    try {
      await save.mutateAsync(days);
      setProblems([]);
      message.success(t('ct.saved'));
    } catch (error) {
      if (isApiError(error) && error.fields.length > 0)
        setProblems(
          error.fields.map((f) => {
            const i = Number(/days\.(\d+)/.exec(f.path)?.[1] ?? -1);
            return `${days[i]?.date ?? f.path}：${f.message}`;
          }),
        );
      else message.error((error as Error).message);
    }
  };
  const update = (date: string, patch: Partial<CalendarDay>) =>
    setDays((ds) => ds.map((d) => (d.date === date ? { ...d, ...patch } : d)));
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon message={t('ct.calendarHint')} />
      <Flex gap={8} align="center">
        {t('ct.year')}
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Flex>
      {problems.length > 0 && (
        <Alert type="error" message={problems.join('；')} data-testid="calendar-problems" />
      )}
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        pagination={false}
        dataSource={days}
        columns={calendarColumns(t, mayEdit, update, (date) =>
          setDays((ds) => ds.filter((x) => x.date !== date)),
        )}
      />
      {mayEdit && (
        <>
          <Input.TextArea
            rows={4}
            value={paste}
            data-testid="calendar-paste"
            onChange={(e) => setPaste(e.target.value)}
            placeholder={`${t('ct.paste')}\n${year}-10-01 休 国庆节\n${year}-09-26 班 国庆调休`}
          />
          <Flex gap={8}>
            <Button onClick={readPaste}>{t('ct.pasteApply')}</Button>
            <Button type="primary" loading={save.isPending} onClick={submit} data-testid="calendar-save">
              {t('common.save')}
            </Button>
          </Flex>
        </>
      )}
    </Flex>
  );
}
