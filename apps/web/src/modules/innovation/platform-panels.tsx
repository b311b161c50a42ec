import { type PlatformDetail, type TalentSummary, translateMessage } from '@gaodi/contracts';
import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';
import { Panel } from '../../ui/page.tsx';
import { GRADE, KIND, LEVEL, label, PARTNER_KIND, PARTNER_ROLE, TIER, wan } from './innovation-labels.ts';

type Evidence = PlatformDetail['evidence'][number];

/** What the platform is: kind, level, tier, industry, whether it operates and the criteria it is judged by. */
export function PlatformFacts({ p }: { p: PlatformDetail }) {
  const { t, lang } = useI18n();
  const c = p.criteria;
  return (
    <Panel>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('inno.kind')}>{label(KIND, p.kind, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('inno.level')}>{label(LEVEL, p.level, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('inno.tier')}>{label(TIER, p.tier, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('inno.industry')}>
          {p.industryId ? <Link to={`/elements/${p.industryId}`}>{p.industryName}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('inno.operatingFilter')}>
          {p.isOperating ? (
            <Tag color="green" data-testid="platform-status">
              {t('inno.operating')}
            </Tag>
          ) : (
            <Tag data-testid="platform-status">{t('inno.notOperating')}</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('inno.criteria')}>
          {t('inno.criteriaText', {
            staff: c.minStaff,
            area: c.minAreaM2,
            equipment: wan(c.minEquipmentFen),
            rd: wan(c.minRdSpendingFen),
            outputs: c.minOutputs,
          })}
        </Descriptions.Item>
      </Descriptions>
      {p.description && <Typography.Paragraph type="secondary">{p.description}</Typography.Paragraph>}
    </Panel>
  );
}

/** The partners that run the platform, with their kind and role. */
export function PartnersPanel({ p }: { p: PlatformDetail }) {
  const { t, lang } = useI18n();
  return (
    <Panel>
      <Typography.Title level={5}>{t('inno.partners')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.partners}
        columns={[
          { title: t('inno.partnerName'), dataIndex: 'name', key: 'name' },
          {
            title: t('inno.partnerKind'),
            key: 'kind',
            render: (_, x) => label(PARTNER_KIND, x.kind, lang),
          },
          {
            title: t('inno.partnerRole'),
            key: 'role',
            render: (_, x) => label(PARTNER_ROLE, x.role, lang),
          },
        ]}
      />
    </Panel>
  );
}

/** Evidence year by year, each judged against the criteria (what falls short, when it does). */
export function EvidencePanel({ p }: { p: PlatformDetail }) {
  const { t, lang } = useI18n();
  return (
    <Panel>
      <Typography.Title level={5}>{t('inno.evidence')}</Typography.Title>
      <Table<Evidence>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={p.evidence}
        data-testid="evidence-table"
        columns={[
          { title: t('inno.year'), dataIndex: 'year', key: 'year', width: 70 },
          { title: t('inno.staff'), dataIndex: 'staff', key: 'staff' },
          { title: t('inno.area'), dataIndex: 'areaM2', key: 'area' },
          { title: t('inno.equipment'), key: 'eq', render: (_, e) => wan(e.equipmentFen) },
          { title: t('inno.rd'), key: 'rd', render: (_, e) => wan(e.rdSpendingFen) },
          {
            title: `${t('inno.patents')}/${t('inno.standards')}/${t('inno.products')}/${t('inno.served')}`,
            key: 'outputs',
            render: (_, e) => `${e.patents}/${e.standards}/${e.products}/${e.servedEnterprises}`,
          },
          {
            title: t('inno.meets'),
            key: 'meets',
            render: (_, e) =>
              e.meetsCriteria ? (
                <Tag color="green">{t('common.yes')}</Tag>
              ) : (
                <span>{e.shortfalls.map((s) => translateMessage(s, lang)).join('；')}</span>
              ),
          },
        ]}
      />
    </Panel>
  );
}

/** Assessments year by year: grade, score, whether the criteria were met. */
export function AssessmentsPanel({ p }: { p: PlatformDetail }) {
  const { t, lang } = useI18n();
  return (
    <Panel>
      <Typography.Title level={5}>{t('inno.assessments')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.assessments}
        columns={[
          { title: t('inno.year'), dataIndex: 'year', key: 'year', width: 70 },
          { title: t('inno.grade'), key: 'grade', render: (_, a) => label(GRADE, a.grade, lang) },
          { title: t('inno.score'), key: 'score', render: (_, a) => a.score ?? '—' },
          {
            title: t('inno.meets'),
            key: 'met',
            render: (_, a) => (a.metCriteria ? t('common.yes') : t('common.no')),
          },
          { title: t('inno.note'), dataIndex: 'note', key: 'note' },
          { title: t('inno.assessor'), dataIndex: 'assessorName', key: 'assessor' },
        ]}
      />
    </Panel>
  );
}

/** The platform's talents, projects and recruitment records, each linked to its page. */
export function LinksPanel({
  p,
  talents,
}: {
  p: PlatformDetail;
  talents: readonly TalentSummary[] | undefined;
}) {
  const { t } = useI18n();
  return (
    <Panel>
      <Typography.Title level={5}>{t('inno.talents')}</Typography.Title>
      <Flex gap={8} wrap data-testid="platform-talents">
        {(talents ?? []).map((x) => (
          <Link key={x.id} to={`/talents/${x.id}`}>
            <Tag color={x.isLeading ? 'gold' : x.isHighLevel ? 'blue' : 'default'}>{x.name}</Tag>
          </Link>
        ))}
        {talents?.length === 0 && t('common.none')}
      </Flex>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('inno.projects')}
      </Typography.Title>
      <Flex gap={8} wrap>
        {p.projects.map((x) => (
          <Link key={x.id} to={`/projects/${x.id}`}>
            {x.title}
          </Link>
        ))}
        {p.projects.length === 0 && t('common.none')}
      </Flex>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('inno.recruitment')}
      </Typography.Title>
      <Flex gap={8} wrap>
        {p.recruitment.map((x) => (
          <Link key={x.id} to={`/recruitment/${x.id}`}>
            {x.instituteName}
          </Link>
        ))}
        {p.recruitment.length === 0 && t('common.none')}
      </Flex>
    </Panel>
  );
}
