/**
 * Company legal forms (S.A. de C.V., LLC, GmbH, OOO …) as token phrases, so they can be recognised
 * and given little weight: "MOREXPRESS S.A. DE C.V." and "Morexpress SA de CV" name one company.
 * Phrases are written as they look after romanisation and dotted-initial collapsing
 * ("S. de R.L. de C.V." → "s de rl de cv"). Informed by the rigour org_types list
 * (opensanctions/rigour, resources/names/org_types.yml, MIT) but written here from scratch.
 */

/** Limited-liability forms vs share-capital forms: a mismatch across families is a (small) signal. */
export type LegalFormFamily = 'limited' | 'stock' | 'partnership' | 'nonprofit' | 'other';

export interface LegalForm {
  /** Canonical short form shown in explanations, e.g. "SA de CV". */
  canonical: string;
  family: LegalFormFamily;
  /** Short, ambiguous forms ("sa", "co", "ag") only count at the start or end of a name. */
  edgeOnly: boolean;
}

const entries: Array<[string[], string, LegalFormFamily, boolean?]> = [
  // Mexico and the Spanish-speaking world
  [['sa de cv', 'sociedad anonima de capital variable', 'sa cv'], 'SA de CV', 'stock'],
  [
    ['sapi de cv', 'sapi', 'sociedad anonima promotora de inversion de capital variable'],
    'SAPI de CV',
    'stock',
  ],
  [['sab de cv', 'sab', 'sociedad anonima bursatil de capital variable'], 'SAB de CV', 'stock'],
  [
    ['s de rl de cv', 'srl de cv', 'sociedad de responsabilidad limitada de capital variable'],
    'S de RL de CV',
    'limited',
  ],
  [['s de rl', 'sociedad de responsabilidad limitada'], 'S de RL', 'limited'],
  [['sc de rl de cv', 'sc de rl'], 'SC de RL', 'partnership'],
  [['spr de rl', 'spr de ri', 'sociedad de produccion rural'], 'SPR de RL', 'partnership'],
  [['sa', 'sociedad anonima', 'societe anonyme', 'sociedade anonima'], 'SA', 'stock', true],
  [['sas', 'sociedad por acciones simplificada', 'societe par actions simplifiee'], 'SAS', 'stock', true],
  [['ltda', 'limitada'], 'Ltda', 'limited'],
  [['sl', 'sociedad limitada', 'srl', 'sarl', 'societa a responsabilita limitata'], 'SRL', 'limited', true],
  [['sc', 'sociedad civil'], 'SC', 'partnership', true],
  [['ac', 'asociacion civil'], 'AC', 'nonprofit', true],
  [['iap', 'institucion de asistencia privada'], 'IAP', 'nonprofit', true],
  [['scp', 'scs', 'sca'], 'SC', 'partnership', true],
  // English-speaking world
  [
    ['llc', 'l l c', 'limited liability company', 'ltd liability co', 'ltd liability company'],
    'LLC',
    'limited',
  ],
  [
    [
      'ltd',
      'limited',
      'ltd co',
      'co ltd',
      'company limited',
      'co limited',
      'private limited',
      'pvt ltd',
      'pte ltd',
      'pty ltd',
      'private limited company',
    ],
    'Ltd',
    'limited',
  ],
  [['plc', 'public limited company', 'public ltd co'], 'PLC', 'stock'],
  [['inc', 'incorporated'], 'Inc', 'stock'],
  [['corp', 'corporation', 'incorporation'], 'Corp', 'stock'],
  [['co', 'company', 'compania', 'compagnie', 'cia'], 'Co', 'other', true],
  [['llp', 'limited liability partnership'], 'LLP', 'partnership'],
  [['lp', 'limited partnership'], 'LP', 'partnership', true],
  [['pte', 'pty', 'pvt', 'private'], 'Pte', 'limited', true],
  // German-speaking world and northern Europe
  [
    ['gmbh', 'gesellschaft mit beschrankter haftung', 'gmbh co kg', 'gesellschaft mbh', 'ges mbh', 'mbh'],
    'GmbH',
    'limited',
  ],
  [['ag', 'aktiengesellschaft'], 'AG', 'stock', true],
  [['kg', 'kommanditgesellschaft'], 'KG', 'partnership', true],
  [['bv', 'besloten vennootschap'], 'BV', 'limited', true],
  [['nv', 'naamloze vennootschap'], 'NV', 'stock', true],
  [['ab', 'aktiebolag'], 'AB', 'stock', true],
  [['as', 'asa', 'aktieselskab', 'aksjeselskap'], 'AS', 'stock', true],
  [['oy', 'oyj'], 'Oy', 'stock', true],
  [['spa', 'societa per azioni'], 'SpA', 'stock', true],
  [['se', 'societas europaea'], 'SE', 'stock', true],
  [['sro', 'spol s ro'], 'sro', 'limited', true],
  [['sp z oo', 'spolka z ograniczona odpowiedzialnoscia', 'spzoo'], 'sp. z o.o.', 'limited'],
  [['societatea cu raspundere limitata'], 'SRL', 'limited'],
  [['kft'], 'Kft', 'limited', true],
  [['doo', 'd o o'], 'doo', 'limited', true],
  // Russia and the former Soviet Union (romanised from ООО, ОАО, ЗАО …)
  [
    [
      'ooo',
      'obshchestvo s ogranichennoy otvetstvennostyu',
      'obshchestvo s ogranichennoi otvetstvennostyu',
      'obshchestvo s ogranichennoy otvetstvennostiu',
      'too',
      'tov',
    ],
    'OOO',
    'limited',
  ],
  [
    [
      'jsc',
      'ojsc',
      'cjsc',
      'pjsc',
      'joint stock company',
      'open joint stock company',
      'closed joint stock company',
      'public joint stock company',
      'joint stock co',
      'aktsionernoe obshchestvo',
      'aktsionernoye obshchestvo',
      'aktsionernoe obshestvo',
      'otkrytoe aktsionernoe obshchestvo',
      'otkrytoye aktsionernoye obshchestvo',
      'zakrytoe aktsionernoe obshchestvo',
      'zakrytoye aktsionernoye obshchestvo',
      'publichnoe aktsionernoe obshchestvo',
      'publichnoye aktsionernoye obshchestvo',
    ],
    'JSC',
    'stock',
  ],
  [['oao', 'zao', 'pao', 'ao', 'ooo tpk'], 'JSC', 'stock', true],
  // Belarusian ААТ, ЗАТ (open and closed joint-stock company) and ТАА (limited liability company),
  // as Belarusian listings romanise them beside the Russian OAO, ZAO and OOO.
  [['aat', 'zat'], 'JSC', 'stock', true],
  [['taa'], 'OOO', 'limited', true],
  [
    [
      'fgup',
      'gup',
      'mup',
      'rup',
      'fsue',
      'federal state unitary enterprise',
      'state unitary enterprise',
      'republican unitary enterprise',
    ],
    'Unitary enterprise',
    'other',
  ],
  [
    [
      'ano',
      'autonomous non profit organization',
      'autonomous nonprofit organization',
      'non profit organization',
      'nonprofit organization',
      'ngo',
    ],
    'Non-profit',
    'nonprofit',
  ],
  // Gulf free zones and Asia
  [['fze', 'free zone establishment'], 'FZE', 'limited'],
  [['fzco', 'fzc', 'free zone company'], 'FZCO', 'limited'],
  [['fz llc', 'fzllc', 'dmcc'], 'FZ-LLC', 'limited'],
  [['bhd', 'sdn bhd', 'berhad', 'sendirian berhad'], 'Sdn Bhd', 'limited'],
  [['tbk', 'pt'], 'PT', 'stock', true],
  [['kk', 'kabushiki kaisha', 'yugen kaisha'], 'KK', 'stock', true],
  [['godo kaisha'], 'GK', 'limited'],
  // More of Europe: Nordic, Alpine, French, Iberian, Central and South-Eastern Europe
  [['aps', 'anpartsselskab'], 'ApS', 'limited', true],
  [['interessentskab', 'kommanditselskab'], 'I/S', 'partnership'],
  [['amba', 'andelsselskab'], 'AMBA', 'other', true],
  [['ehf', 'hlutafelag', 'einkahlutafelag'], 'hf', 'stock', true],
  [['sagl', 'societa a garanzia limitata'], 'Sagl', 'limited', true],
  [['kgaa', 'kommanditgesellschaft auf aktien'], 'KGaA', 'stock'],
  [
    ['ohg', 'offene handelsgesellschaft', 'gbr', 'gesellschaft burgerlichen rechts'],
    'OHG',
    'partnership',
    true,
  ],
  [['ug haftungsbeschrankt', 'unternehmergesellschaft'], 'UG', 'limited'],
  [['eingetragener verein'], 'e.V.', 'nonprofit'],
  [['eingetragene genossenschaft'], 'eG', 'other'],
  [['snc', 'societe en nom collectif', 'societa in nome collettivo'], 'SNC', 'partnership', true],
  [['sci', 'societe civile immobiliere'], 'SCI', 'partnership', true],
  [['eurl', 'entreprise unipersonnelle a responsabilite limitee'], 'EURL', 'limited', true],
  [['sapa', 'societa in accomandita per azioni'], 'SApA', 'stock', true],
  [['lda', 'sociedade limitada', 'sociedade por quotas'], 'Lda', 'limited', true],
  [['eireli'], 'EIRELI', 'limited', true],
  [['slu', 'sociedad limitada unipersonal'], 'SLU', 'limited', true],
  [['sau', 'sociedad anonima unipersonal'], 'SAU', 'stock', true],
  [['zrt', 'nyrt'], 'Zrt', 'stock', true],
  [['kkt'], 'Kkt', 'partnership', true],
  [['ood', 'eood'], 'OOD', 'limited', true],
  [['ead'], 'AD', 'stock', true],
  [['anonymi etaireia'], 'AE', 'stock'],
  [['epe', 'ike'], 'EPE', 'limited', true],
  [['ltd sti', 'limited sirketi'], 'Ltd Sti', 'limited'],
  [['anonim sirketi'], 'AS', 'stock'],
  [['prat'], 'JSC', 'stock', true],
  // Middle East, South and South-East Asia, Israel
  [['wll', 'with limited liability'], 'WLL', 'limited', true],
  [['spc', 'single person company'], 'SPC', 'limited', true],
  [['psc', 'pjsc', 'saog', 'saoc', 'qsc', 'qpsc', 'bsc', 'ksc', 'kscc', 'kscp', 'sae'], 'JSC', 'stock', true],
  [['opc', 'one person company'], 'OPC', 'limited', true],
  [['pcl', 'public company limited'], 'PCL', 'stock', true],
  [['tnhh', 'cong ty tnhh'], 'TNHH', 'limited', true],
];

/** Phrase (space-joined tokens) → legal form. */
export const legalFormPhrases: ReadonlyMap<string, LegalForm> = (() => {
  const map = new Map<string, LegalForm>();
  for (const [phrases, canonical, family, edgeOnly] of entries) {
    for (const phrase of phrases) map.set(phrase, { canonical, family, edgeOnly: edgeOnly === true });
  }
  return map;
})();

/** Longest phrase length in tokens, bounding the recogniser's look-ahead. */
export const longestLegalFormPhrase = Math.max(
  ...[...legalFormPhrases.keys()].map((p) => p.split(' ').length),
);
