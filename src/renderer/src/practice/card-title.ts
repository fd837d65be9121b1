/**
 * What a review card is called in the Progress tables: a question at a difficulty (parametric card)
 * or a whole skill. One place for both the review queue and the knowledge table.
 */
export function cardTitle(
  t: (key: string, params?: Record<string, unknown>) => string,
  difficulty?: number | null,
) {
  return difficulty
    ? t('progress.cardQuestion', { difficulty: t(`practice.difficulties.d${difficulty}`) })
    : t('progress.cardSkill');
}
