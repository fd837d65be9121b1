import { useI18n } from 'vue-i18n';

/** Skill and difficulty names in the UI language, as the practice components show them. */
export function usePracticeLabels() {
  const { t } = useI18n({ useScope: 'global' });
  const skillKey = (id: string) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return {
    skillName: (id: string) => t(`practice.skillNames.${skillKey(id)}`),
    difficultyLabel: (d: number) => t(`practice.difficulties.d${d}`),
  };
}
