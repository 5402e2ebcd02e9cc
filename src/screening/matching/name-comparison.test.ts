import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, compareNames, prepareName, scoreNames } from './index.js';

const person = (a: string, b: string) => compareNames(prepareName(a, 'Person'), prepareName(b, 'Person'));
const org = (a: string, b: string) =>
  compareNames(prepareName(a, 'Organization'), prepareName(b, 'Organization'));
const matches = (r: { score: number }) => r.score >= DEFAULT_THRESHOLD;

describe('person names', () => {
  it('finds a listed Spanish double surname from paternal surname + given name', () => {
    expect(matches(person('Joaquin Guzman', 'GUZMAN LOERA, Joaquin'))).toBe(true);
    expect(matches(person('Ismael Zambada', 'ZAMBADA GARCIA, Ismael'))).toBe(true);
  });
  it('ignores order', () => {
    expect(person('LOPEZ OBRADOR, Andres Manuel', 'Andres Manuel Lopez Obrador').score).toBe(1);
  });
  it('reads a middle name on one side and a maternal surname on the other as two missing parts', () => {
    const r = person('Ismael Zambada Garcia', 'Ismael Mario Zambada');
    expect(matches(r)).toBe(true);
    expect(r.features.some((f) => f.feature === 'name-conflict')).toBe(false);
    expect(r.features.filter((f) => f.feature === 'name-extra').map((f) => f.detail)).toEqual([
      'name part GARCIA only in the query (costs little)',
      'name part MARIO only in the candidate (costs little)',
    ]);
    // Parts at the same place still conflict: two different middle names, or maternal surnames
    // (even when one side also has a middle name the other lacks).
    expect(matches(person('Juan Carlos Perez', 'Juan Pablo Perez'))).toBe(false);
    expect(matches(person('Ramon Alberto Fuentes Villalobos', 'Ramon Fuentes Ortega'))).toBe(false);
    // One shared part says nothing about where the others stand.
    expect(matches(person('Lucas Okafor', 'Innocent Lucas'))).toBe(false);
  });
  it('lets a word written twice cost nothing, and says so', () => {
    const r = person('OMAR HADDAD OMAR HADDAD', 'Omar Haddad');
    expect(r.score).toBe(1);
    expect(
      r.features.some((f) => f.detail === 'name part OMAR written twice in the query (costs nothing)'),
    ).toBe(true);
    expect(org('Sokol Sokol Trading', 'Sokol Trading').score).toBe(1);
    // A word on one side only still costs.
    expect(org('Sokol Orlan Trading', 'Sokol Trading').score).toBeLessThan(1);
    // A name repeated further along an Arabic chain of ancestors is another man, not a duplicate.
    const chain = person('Omar Haddad', 'Omar bin Yusuf bin Omar Haddad');
    expect(chain.score).toBeLessThan(0.9);
    expect(chain.features.map((f) => f.detail)).toContain(
      'name part OMAR only in the candidate (costs little)',
    );
  });
  it('lets a missing middle name cost little, a conflicting given name a lot', () => {
    const missing = person('Rafael Quintero', 'Rafael Caro Quintero').score;
    const conflicting = person('Ramon Quintero', 'Rafael Quintero').score;
    expect(missing).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(conflicting).toBeLessThan(DEFAULT_THRESHOLD);
    expect(missing - conflicting).toBeGreaterThan(0.3);
  });
  it('matches initials against the names they abbreviate, not other names', () => {
    expect(matches(person('J. Guzman', 'Joaquin Guzman'))).toBe(true);
    expect(matches(person('R. Guzman', 'Joaquin Guzman'))).toBe(false);
  });
  it('ignores accents and ñ', () => {
    expect(person('Joaquín Núñez', 'Joaquin Nunez').score).toBe(1);
  });
  it('ignores particles and titles', () => {
    expect(person('Sr. Juan de la Cruz Ramos', 'Juan Cruz Ramos').score).toBe(1);
  });
  it('matches hyphenated and joined compound names', () => {
    expect(matches(person('Jose-Luis Carrillo', 'Jose Luis Carrillo'))).toBe(true);
    expect(matches(person('JoseLuis Carrillo', 'Jose Luis Carrillo'))).toBe(true);
    expect(matches(person('Abdulrahman Haddad', 'Abd al-Rahman Haddad'))).toBe(true);
  });
  it('matches a surname written with its particles joined against the bare surname', () => {
    const r = person('Lucia de la Fuente', 'Lucia Delafuente');
    expect(matches(r)).toBe(true);
    expect(r.features.some((f) => f.detail.includes('particles written joined'))).toBe(true);
    expect(matches(person('Omar al-Masri', 'Omar Almasri'))).toBe(true);
    // Without particles dropped on the other side, a longer surname is another surname.
    expect(matches(person('Pedro Gado', 'Pedro Delgado'))).toBe(false);
  });
  it('merges split words back into the name they spell', () => {
    expect(matches(person('Emilio Carri llo Fuentes', 'Emilio Carrillo Fuentes'))).toBe(true);
  });
  it('compares a quoted nickname as a name of its own', () => {
    const r = compareNames(
      prepareName('El Tigrillo', 'Person'),
      prepareName("Alfonso ROMERO 'El Tigrillo'", 'Person'),
    );
    expect(matches(r)).toBe(true);
    expect(r.features.some((f) => f.feature === 'nickname')).toBe(true);
  });
  it('compares a name written after a.k.a. as an alias, and says so', () => {
    const r = compareNames(
      prepareName('Northern Lights Shipping', 'Organization'),
      prepareName('Aurora Maritime a.k.a. Northern Lights Shipping', 'Organization'),
    );
    expect(matches(r)).toBe(true);
    expect(r.features.find((f) => f.feature === 'nickname')?.detail).toMatch(/^compared as alias: /);
  });
  it('takes three or more edits as another word, however long the words', () => {
    expect(matches(org('Baltic Petromechanical Works', 'Baltic Petrochemical Works'))).toBe(false);
    expect(matches(org('Baltic Petrochemicl Works', 'Baltic Petrochemical Works'))).toBe(true);
  });
  it('tolerates typos and confusable characters, not different names', () => {
    expect(matches(person('Joaqiun Guzman', 'Joaquin Guzman'))).toBe(true);
    expect(matches(person('Ism4el Zambada', 'Ismael Zambada'))).toBe(true);
    expect(matches(person('Hector Beltran', 'Arturo Beltran'))).toBe(false);
  });
  it('matches known variants and phonetic spellings', () => {
    expect(matches(person('Jose Vasquez', 'Joseph Vasquez'))).toBe(true);
    expect(matches(person('Mohammed Rahimi', 'Muhammad Rahimi'))).toBe(true);
    expect(matches(person('Gilberto Baskez', 'Gilberto Vasquez'))).toBe(true);
  });
  it('knows Spanish hypocoristics and Russian forms of Western given names', () => {
    expect(matches(person('Chuy Ramirez Lara', 'Jesus Ramirez Lara'))).toBe(true);
    expect(matches(person('Memo Salinas', 'Guillermo Salinas'))).toBe(true);
    expect(matches(person('Yevgeny Orlov', 'Eugene Orlov'))).toBe(true);
    expect(matches(person('Memo Salinas', 'Jesus Salinas'))).toBe(false);
  });
  it('treats the same word as own name vs father name as a conflict', () => {
    expect(matches(person('Tariq bin Hamid al-Harbi', 'Hamid bin Tariq al-Harbi'))).toBe(false);
    expect(matches(person('Tariq bin Hamid al-Harbi', 'Tariq Hamid Harbi'))).toBe(true);
  });
  it('matches German and Polish romanisations of Russian names (w for v, -ow for -ov)', () => {
    expect(matches(person('Mikhail Gorbachev', 'Michail Gorbatschow'))).toBe(true);
    expect(matches(person('Wiktor Sokolow', 'Viktor Sokolov'))).toBe(true);
    // A w inside a vowel is that vowel (Jawlani ~ Julani), without making different names alike.
    expect(matches(person('Hamid al-Jawlani', 'Hamid al-Julani'))).toBe(true);
    expect(matches(person('Wiktor Sokolow', 'Viktor Sokolnikov'))).toBe(false);
    // Spellings far apart letter by letter, one name once rewritten.
    expect(matches(person('Wiktor Janukowytsch', 'Viktor Yanukovych'))).toBe(true);
    expect(matches(person('Nikita Chruschtschow', 'Nikita Khrushchev'))).toBe(true);
    expect(matches(person('Nikita Chruschtschow', 'Nikita Kharitonov'))).toBe(false);
  });
  it('ignores the honorific Seyed/Sayyid before a name', () => {
    expect(matches(person('Seyed Reza Tehrani', 'Reza Hosseini Tehrani'))).toBe(true);
    expect(prepareName('Seyyed Reza Tehrani', 'Person').titles).toEqual(['seyyed']);
  });
  it('does not read a patronymic as a shortened given name', () => {
    expect(matches(person('Pavel Morozov', 'Ivan Pavlovich Morozov'))).toBe(false);
  });
});

describe('names in other scripts', () => {
  it('matches Cyrillic against Latin', () => {
    expect(matches(person('Дмитрий Соколов', 'Dmitry Sokolov'))).toBe(true);
  });
  it('matches Arabic against Latin on consonants', () => {
    expect(matches(person('خالد حسن', 'Khaled Hassan'))).toBe(true);
  });
  it('matches Chinese characters against pinyin, and one different character is another person', () => {
    expect(matches(person('王伟', 'Wang Wei'))).toBe(true);
    expect(matches(person('王伟', '王芳'))).toBe(false);
  });
  it('matches Hangul against the customary spelling', () => {
    expect(matches(person('김민수', 'Kim Min Su'))).toBe(true);
  });
  it('reads Han characters the Korean way too (Hanja names)', () => {
    const r = person('文在寅', 'Moon Jae-in');
    expect(matches(r)).toBe(true);
    expect(r.features.some((f) => f.detail.startsWith('compared as Korean reading'))).toBe(true);
    expect(matches(person('朴正熙', 'Park Chung Hee'))).toBe(true);
    expect(matches(person('朴正熙', 'Park Jong Su'))).toBe(false);
  });
  it('reads Han characters the Japanese way too, with the voiced surname endings', () => {
    const r = person('吉田茂', 'Yoshida Shigeru');
    expect(matches(r)).toBe(true);
    expect(r.features.some((f) => f.detail.startsWith('compared as Japanese reading'))).toBe(true);
    expect(matches(person('中村一郎', 'Nakamura Ichiro'))).toBe(true);
    expect(matches(person('中村一郎', 'Nakamura Kenji'))).toBe(false);
  });
  it('matches the romanisations of Korean names against each other, not different syllables', () => {
    expect(matches(person('KIM CHOL NAM', 'Kim Cheol-nam'))).toBe(true);
    expect(matches(person('PAK YONG CHOL', 'Park Young-cheol'))).toBe(true);
    expect(matches(person('CHOE MYONG SU', 'Choi Myung-soo'))).toBe(true);
    expect(matches(person('CHOE MYONG SU', 'Choi Myung-ho'))).toBe(false);
    // Outside Korean-looking names the loose syllable rule does not apply.
    expect(prepareName('Juan Chong', 'Person').koreanKeys).toBeUndefined();
    expect(prepareName('Maria Chong Lopez', 'Person').koreanKeys).toBeUndefined();
  });
  it('matches Wade–Giles spellings of Chinese names against pinyin', () => {
    const r = person('Teng Hsiao-ping', 'Deng Xiaoping');
    expect(matches(r)).toBe(true);
    expect(r.features.some((f) => f.detail.startsWith('compared as pinyin spelling'))).toBe(true);
    expect(matches(person('Liu Shao-chih', 'Liu Shaozhi'))).toBe(true);
    expect(matches(person('Liu Shao-chih', 'Liu Shaoqi Wen'))).toBe(false);
  });
  it('counts a missing part of a name written in Han or Hangul as a real difference', () => {
    expect(matches(person('江华', 'Jiang Hua'))).toBe(true);
    expect(matches(person('江华', 'Liu Hua Jiang'))).toBe(false);
    expect(matches(person('김정은', 'Kim Jong'))).toBe(false);
    // Latin names keep the cheap missing middle name.
    expect(matches(person('Kim Jong Un', 'Kim Jong'))).toBe(true);
  });
  it('does not use the readings when both names are in Han characters', () => {
    expect(matches(person('中村一郎', '中村二郎'))).toBe(false);
  });
});

describe('organisation names', () => {
  it('ignores legal forms, including Mexican ones', () => {
    const r = org('Transportes Nieves S.A. de C.V.', 'TRANSPORTES NIEVES SA DE CV');
    expect(r.score).toBe(1);
    expect(r.features.some((f) => f.detail.includes("legal form 'SA de CV' ignored"))).toBe(true);
    expect(org('Grupo Fuentes S. de R.L. de C.V.', 'Grupo Fuentes').score).toBe(1);
  });
  it('recognises romanised Russian and German legal forms written out', () => {
    expect(org('Otkrytoe Aktsionernoe Obshchestvo Sokol', 'Sokol OJSC').score).toBe(1);
    expect(org('Sokol Aktsionernoye Obshchestvo', 'AO Sokol').score).toBe(1);
    expect(org('Sokol Gesellschaft mbH', 'Sokol GmbH').score).toBe(1);
  });
  it('gives generic German, Turkish and Russian business words little weight', () => {
    expect(matches(org('Sokol Sanayi ve Ticaret Ltd Sti', 'Sokol Ticaret Ltd Sti'))).toBe(true);
    expect(matches(org('Sokol Handelsgesellschaft mbH', 'Sokol GmbH'))).toBe(true);
    expect(matches(org('Sokol Sanayi ve Ticaret', 'Orlan Sanayi ve Ticaret'))).toBe(false);
  });
  it('recognises legal forms written with a slash or from more countries', () => {
    expect(org('Nordisk Rederi A/S', 'Nordisk Rederi').score).toBe(1);
    expect(org('Fjord Consult ApS', 'Fjord Consult').score).toBe(1);
    expect(org('Tessin Import Sagl', 'Tessin Import').score).toBe(1);
    expect(org('Al Noor Trading W.L.L.', 'Al Noor Trading').score).toBe(1);
    expect(org('Sofia Metal EOOD', 'Sofia Metal').score).toBe(1);
    // Short words that are also legal forms elsewhere stay part of the name.
    expect(prepareName('Is Bank', 'Organization').keyTokens).toEqual(['is', 'bank']);
  });
  it('writes out common abbreviations in organisation names', () => {
    expect(org('Orion Intl Mfg Co', 'Orion International Manufacturing Company').score).toBe(1);
    expect(org('St. Lucia Shipping Hldgs', 'Saint Lucia Shipping Holdings').score).toBe(1);
    expect(prepareName('MT Orion Star', 'Vessel').keyTokens).toEqual(['orion', 'star']);
  });
  it('lets different legal-form families cost a little', () => {
    const same = org('Halcon Logistica LLC', 'Halcon Logistica Ltd').score;
    const different = org('Halcon Logistica GmbH', 'Halcon Logistica AG').score;
    expect(same).toBeGreaterThan(different);
    expect(different).toBeLessThan(1);
  });
  it('does not match on shared common words alone', () => {
    expect(matches(org('CARIBBEAN TRADING LIMITED', 'PACIFIC TRADING LIMITED'))).toBe(false);
    expect(matches(org('Andes Import Export Group', 'Orinoco Import Export Group'))).toBe(false);
  });
  it('gives words saying what kind of body it is (concern, bureau, plant) little weight', () => {
    expect(matches(org('Orlov Concern', 'Orlov'))).toBe(true);
    expect(matches(org('Volga Bureau', 'Volga'))).toBe(true);
    // The distinctive word must still agree.
    expect(matches(org('Orlov Concern', 'Sokol Concern'))).toBe(false);
  });
  it('counts two different common words in one place as a full difference', () => {
    // "Trust" against "Bank" is another company, though both words are common.
    const conflicting = org('Andes Trust Corporation', 'Andes Bank Corporation').score;
    const missing = org('Andes Trust Corporation', 'Andes Corporation').score;
    expect(matches(org('Andes Trust Corporation', 'Andes Bank Corporation'))).toBe(false);
    expect(missing).toBeGreaterThan(conflicting);
    const conflict = org('Andes Trust Corporation', 'Andes Bank Corporation').features.find(
      (f) => f.feature === 'name-conflict',
    );
    // Weighed like the distinctive word it stands beside, not like a common word (0.26 before).
    expect(conflict?.weight).toBeGreaterThanOrEqual(0.5);
  });
  it('matches acronyms against the initials of the full name', () => {
    const r = org('CJNG', 'Cartel de Jalisco Nueva Generacion');
    expect(matches(r)).toBe(true);
    expect(r.features.some((f) => f.feature === 'acronym')).toBe(true);
  });
  it('matches acronyms that keep the initial of the legal form or of a function word', () => {
    expect(matches(org('NSTC', 'Northern Sea Transport Company'))).toBe(true);
    expect(matches(org('BDMSA', 'Banco de Minas S.A.'))).toBe(true);
    expect(matches(org('NSTX', 'Northern Sea Transport Company'))).toBe(false);
  });
  it('weighs "Company" written inside a name as a common word', () => {
    expect(matches(org('Shipping Company Orlan', 'Orlan'))).toBe(true);
    expect(matches(org('Shipping Company Orlan', 'Shipping Company Sokol'))).toBe(false);
  });
  it('matches joined and split words', () => {
    expect(matches(org('AEROSUR CARGO', 'AERO SUR CARGO'))).toBe(true);
    expect(matches(org('Halcon Logistica AG', 'HalconLogistica AG'))).toBe(true);
  });
  it('requires numbers to agree', () => {
    expect(matches(org('Brigada 44', 'Brigada 45'))).toBe(false);
    expect(matches(org('Brigada Cuarenta y Cuatro', 'Brigada 44'))).toBe(true);
  });
  it('reads "No." and "Number" before a number as part of the number', () => {
    expect(org('Volga Plant No. 5', 'Volga Plant Number 5').score).toBe(1);
    expect(org('Volga Plant Nr. 5', 'Volga Plant 5').score).toBe(1);
    expect(matches(org('Volga Plant No. 5', 'Volga Plant No. 6'))).toBe(false);
    // Not a number sign when no number follows.
    expect(prepareName('No Limits Media', 'Organization').keyTokens).toContain('no');
  });
  it('penalises an extra distinctive word more than for people', () => {
    expect(org('Banco Regional Sur', 'Banco Regional Norte Sur').score).toBeLessThan(
      person('Maria Sur', 'Maria Norte Sur').score,
    );
  });
});

describe('vessels', () => {
  it('finds a vessel by a former name written into its name, and drops an IMO number there', () => {
    const vessel = (a: string, b: string) => compareNames(prepareName(a, 'Vessel'), prepareName(b, 'Vessel'));
    expect(matches(vessel('M/T ORION (ex-POLARIS)', 'POLARIS'))).toBe(true);
    expect(matches(vessel('M/T ORION (ex-POLARIS)', 'ORION'))).toBe(true);
    expect(matches(vessel('M/T ORION (ex-POLARIS)', 'ARCTURUS'))).toBe(false);
    expect(vessel('ORION STAR IMO 9123456', 'ORION STAR').score).toBe(1);
  });
  it('compares vessel names plainly, without ship-type prefixes', () => {
    expect(
      compareNames(prepareName('MV Ocean Pearl', 'Vessel'), prepareName('OCEAN PEARL', 'Vessel')).score,
    ).toBe(1);
  });
});

describe('explanations and the fast path', () => {
  it('explains each name part', () => {
    const r = person('Joaquín Guzmán', 'GUZMAN LOERA, Joaquin');
    const details = r.features.map((f) => f.detail);
    expect(details).toContain('name part JOAQUIN matched exactly');
    expect(details).toContain('name part GUZMAN matched exactly');
    expect(details.some((d) => d.includes('LOERA') && d.includes('only in the candidate'))).toBe(true);
  });
  it('explains a variant and a conflict', () => {
    const details = person('Jose Ramirez', 'Joseph Ramirez')
      .features.map((f) => f.detail)
      .join('\n');
    expect(details).toContain('JOSE ↔ JOSEPH: known variant');
    const conflict = person('Hector Beltran', 'Arturo Beltran').features.find(
      (f) => f.feature === 'name-conflict',
    );
    expect(conflict?.detail).toContain('HECTOR ↔ ARTURO');
  });
  it('scoreNames gives the same score as compareNames', () => {
    for (const [a, b] of [
      ['Joaquin Guzman', 'GUZMAN LOERA, Joaquin'],
      ['Hector Beltran', 'Arturo Beltran'],
      ['JoseLuis Carrillo', 'Jose Luis Carrillo'],
    ] as const) {
      const q = prepareName(a, 'Person');
      const c = prepareName(b, 'Person');
      expect(scoreNames(q, c)).toBeCloseTo(compareNames(q, c).score, 10);
    }
  });
  it('is symmetric enough to be order-independent on these examples', () => {
    expect(person('Joaquin Guzman', 'GUZMAN LOERA, Joaquin').score).toBeCloseTo(
      person('GUZMAN LOERA, Joaquin', 'Joaquin Guzman').score,
      6,
    );
  });
});

describe('thin evidence', () => {
  it('lets a missing part cost more when only one distinctive word agrees', () => {
    const r = person('Teodoro Valdivia', 'Valdivia');
    expect(matches(r)).toBe(false);
    expect(
      r.features.some(
        (f) => f.detail === 'name part TEODORO only in the query (costs more: little else agrees)',
      ),
    ).toBe(true);
    expect(matches(person('Rodrigo Tamayo Ochoa', 'Tamayo'))).toBe(false);
    // Two agreeing words still identify, whatever is missing.
    expect(matches(person('Maria Garcia Lopez', 'Maria Garcia'))).toBe(true);
    expect(person('Teodoro Valdivia Ruiz', 'Teodoro Valdivia').score).toBeGreaterThan(
      person('Teodoro Valdivia', 'Valdivia').score,
    );
  });
  it('does not let initials identify anyone on their own', () => {
    expect(matches(person('R. T.', 'Rodrigo Tamayo'))).toBe(false);
    expect(matches(person('R. Tamayo', 'Rodrigo Tamayo'))).toBe(true);
    // An initial beside one agreeing surname: a match when nothing else is missing on the query side…
    expect(matches(person('J. Guzman', 'Joaquin Guzman Loera'))).toBe(true);
    // …not when the query's own given name is missing on the other side too.
    expect(matches(person('Teodoro M. Valdivia', 'Marcelo Valdivia Ruiz'))).toBe(false);
  });
  it('counts a missing syllable of a romanised Korean name fully', () => {
    const r = person('Kim Song Il', 'Song Il Nam');
    expect(matches(r)).toBe(false);
    expect(
      r.features.some(
        (f) => f.detail === 'name part KIM only in the query (costs fully: a syllable of the name)',
      ),
    ).toBe(true);
    expect(person('Kim Song Il', 'KIM Song-Il').score).toBe(1);
  });
  it('needs the consonants in order to agree when two distant spellings share a sound', () => {
    expect(matches(person('Mohamed Okonkwo', 'Moayyed Okonkwo'))).toBe(false);
    expect(matches(person('Ahmed Okonkwo', 'Hamudi Okonkwo'))).toBe(false);
    expect(matches(person('Mohamed Okonkwo', 'Muhamad Okonkwo'))).toBe(true);
  });
  it('compares "Abd al-X" names on the X', () => {
    expect(matches(person('Abdulmalik Qasimi', 'Abdulkhaliq Qasimi'))).toBe(false);
    expect(matches(person('Abdul Rahim Qasimi', 'Abdul Rahman Qasimi'))).toBe(false);
    expect(person('Abdulrahman Qasimi', 'Abdurrahman Qasimi').score).toBe(1);
  });
  it('compares names romanised from Arabic script on their consonants in order', () => {
    expect(matches(person('محمد کریمی', 'Mohammad Karimi'))).toBe(true);
    expect(matches(person('حسن کریمی', 'Hassan Karimi'))).toBe(true);
    // A word the script writes in two parts ("nsr allh") against the same word joined.
    expect(matches(person('Samir Nasrallah', 'سمیر نصر الله'))).toBe(true);
    // محمد is m-h-m-d; Ahmad is h-m-d.
    expect(matches(person('محمد کریمی', 'Ahmad Karimi'))).toBe(false);
  });
});
