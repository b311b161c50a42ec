import {
  REJECTION_REASON_LABELS,
  type RecommendedAchievement,
  type RecommendedInstitute,
  type RejectionReason,
} from '@gaodi/contracts';
import { Alert, Button, Flex, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Highlighted, optionsOf, TermTags } from './matchmaking-labels.tsx';
import { useReject } from './use-matchmaking.ts';

export function AchievementCard({ a, onAccept }: { a: RecommendedAchievement; onAccept?: () => void }) {
  const { t } = useI18n();
  const terms = a.matches.map((m) => m.term);
  return (
    <div className="match-achievement" data-testid="recommended-achievement">
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text strong>
          <Highlighted text={a.title} terms={terms} />
        </Typography.Text>
        <Space size={4}>
          <Tag>TRL {a.trl}</Tag>
          <Typography.Text type="secondary">{a.instituteName}</Typography.Text>
          {onAccept && (
            <Button size="small" onClick={onAccept}>
              {t('mm.accept')}
            </Button>
          )}
        </Space>
      </Flex>
      <Typography.Paragraph
        type="secondary"
        style={{ margin: '4px 0' }}
        ellipsis={{ rows: 3, expandable: true }}
      >
        <Highlighted text={a.abstract} terms={terms} />
      </Typography.Paragraph>
      <div>
        <Typography.Text type="secondary">{t('mm.matchedTerms')}：</Typography.Text>
        <TermTags terms={terms} />
      </div>
    </div>
  );
}

export function RejectDialog({
  needId,
  institute,
  onClose,
}: {
  needId: string;
  institute: RecommendedInstitute;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ reason: RejectionReason; note?: string }>();
  const reject = useReject(needId);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('mm.rejectTitle', { name: institute.name })}
      onCancel={onClose}
      confirmLoading={reject.isPending}
      onOk={async () => {
        const v = form.getFieldsValue();
        try {
          await reject.mutateAsync({
            instituteId: institute.instituteId,
            reason: v.reason,
            note: v.note ?? '',
          });
          onClose();
        } catch (error) {
          setProblem(showSubmitError(form, error));
        }
      }}
    >
      {problem && <Alert type="error" title={problem} showIcon />}
      <Form form={form} layout="vertical" initialValues={{ reason: 'too_early' }}>
        <Form.Item name="reason" label={t('mm.rejectReason')}>
          <Select options={optionsOf(REJECTION_REASON_LABELS, lang)} />
        </Form.Item>
        <Form.Item name="note" label={t('mm.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
