/**
 * The gaps a follow-up letter can be about: the Committee's main question (cooperation &
 * assistance information without gender & diversity information) and any indicator whose value
 * that counts is not yes. Pure.
 */
import type { LocalizedText } from '../../states/index.ts';
import { INDICATOR_IDS } from '../indicators/definitions.ts';

export const COOPERATION_WITHOUT_GENDER = 'cooperation_without_gender';

/** Every gap key: the main question first, then the indicators. */
export const GAP_KEYS: readonly string[] = [COOPERATION_WITHOUT_GENDER, ...INDICATOR_IDS];

export function isGapKey(v: string): boolean {
  return GAP_KEYS.includes(v);
}

/** How the main gap reads in a letter, in the letter's language. */
export const COOPERATION_WITHOUT_GENDER_TEXT: LocalizedText = {
  en: 'how gender and the diverse needs and experiences of people in affected communities are taken into account in cooperation and assistance',
  fr: 'la manière dont le genre ainsi que les besoins et expériences divers des personnes des communautés touchées sont pris en compte dans la coopération et l’assistance',
  es: 'la forma en que se tienen en cuenta el género y las distintas necesidades y experiencias de las personas de las comunidades afectadas en la cooperación y la asistencia',
  ru: 'каким образом в сотрудничестве и содействии учитываются гендерные аспекты, а также различные потребности и опыт людей в пострадавших общинах',
  ar: 'كيفية مراعاة المنظور الجنساني والاحتياجات والتجارب المتنوعة للأشخاص في المجتمعات المتأثرة في مجال التعاون والمساعدة',
  zh: '在合作与援助中如何考虑性别问题以及受影响社区中不同人群的多样化需求和经历',
};
