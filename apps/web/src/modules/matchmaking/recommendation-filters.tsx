import { INSTITUTE_LEVEL_LABELS } from '@gaodi/contracts';
import { Flex, Input, Select } from 'antd';
import { useI18n } from '../../ui/i18n.tsx';
import { useIndustries } from '../directory/use-industries.ts';

export type RecommendationFilterValues = {
  industryId?: string;
  city?: string;
  level?: string;
  minTrl?: number;
};

/** Narrow the recommendations: industry, the institute's city and level, the least maturity (TRL). */
export function RecommendationFilters({
  filters,
  setFilters,
}: {
  filters: RecommendationFilterValues;
  setFilters: (update: (f: RecommendationFilterValues) => RecommendationFilterValues) => void;
}) {
  const { t, lang } = useI18n();
  const industries = useIndustries();
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Select
        allowClear
        placeholder={t('mm.industry')}
        style={{ width: 150 }}
        value={filters.industryId}
        onChange={(industryId) => setFilters((f) => ({ ...f, industryId }))}
        options={(industries.data ?? []).map((i) => ({
          value: i.id,
          label: lang === 'zh' ? i.name : i.nameEn,
        }))}
      />
      <Input
        allowClear
        placeholder={t('mm.instituteCity')}
        style={{ width: 140 }}
        onChange={(e) => setFilters((f) => ({ ...f, city: e.target.value || undefined }))}
      />
      <Select
        allowClear
        placeholder={t('mm.instituteLevel')}
        style={{ width: 130 }}
        value={filters.level}
        onChange={(level) => setFilters((f) => ({ ...f, level }))}
        options={Object.entries(INSTITUTE_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <Select
        allowClear
        placeholder={t('mm.minTrl')}
        style={{ width: 130 }}
        value={filters.minTrl}
        onChange={(minTrl) => setFilters((f) => ({ ...f, minTrl }))}
        options={[3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: n, label: `TRL ≥ ${n}` }))}
      />
    </Flex>
  );
}
