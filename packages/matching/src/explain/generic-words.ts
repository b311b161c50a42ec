/**
 * Words that say nothing about a topic when shown as a reason: the verbs and nouns every request
 * and abstract uses (我们想提升……的效率, 本文开发了……方法). They still count in the ranking
 * (IDF weighs them); they are only kept out of the reasons shown to people.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    '开发 提升 实现 提高 研究 方法 技术 应用 分析 问题 影响 结果 系统 基于 采用 利用 通过 进行 ' +
    '需要 希望 我们 目前 现有 相关 主要 重要 一种 具有 能够 可以 不同 发展 建立 提出 设计 构建 ' +
    '优化 改善 解决 合作 团队 积累 找到 方面 过程 作用 效果 情况 条件 特征 特点 因素 能力 水平 ' +
    '模型 数据 指标 显著 有效 效率 质量 增加 降低 减少 表明 发现 显示 了解 探讨 评价 比较 处理 ' +
    '对照 实验 试验 测定 检测 水平 作为 已经 存在 方式 工作 领域 产品 生产 企业 项目 服务 管理'
  ).split(' '),
);
