/**
 * Words that say what kind of body an organisation is (or what it trades in), in the languages and
 * romanisations the lists use, grouped with their English word: "Zavod Almaz" and "Almaz Plant"
 * name one factory, "Naviera Caribe" and "Caribe Shipping" one shipping company. Without this a
 * translated name has two distinctive words the other side lacks; grouped, the two type words are
 * variants of one common word and the name's own words decide. The words stay as written (a typo
 * in ZAVOD is still a typo of ZAVOD, and the index keeps them). Public vocabulary only, and only
 * words that are not a name on their own in these lists (MELLI, TEJARAT, NEFT name banks and
 * companies: not grouped).
 */

/** The English word of each concept, then its renderings in other languages and romanisations. */
const concepts: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['factory', ['plant', 'zavod', 'zavody', 'fabrika', 'fabrica', 'fabrik', 'usine', 'karkhaneh', 'karkhane']],
  ['shipping', ['naviera', 'navieras', 'kashtirani', 'parokhodstvo', 'sudokhodstvo', 'sudokhodnaya']],
  ['bank', ['banco', 'banque', 'banca', 'bankasi', 'banka']],
  [
    'company',
    [
      'sherkat',
      'sherkate',
      'shirkat',
      'sharikat',
      'sirketi',
      'kompaniya',
      'kompania',
      'companhia',
      'compagnia',
    ],
  ],
  [
    'trading',
    [
      'trade',
      'traders',
      'comercial',
      'commercial',
      'commerciale',
      'torgovy',
      'torgovyi',
      'torgovyy',
      'torgovaya',
      'ticaret',
      'handels',
    ],
  ],
  [
    'industries',
    [
      'industry',
      'industria',
      'industrias',
      'industrie',
      'sanayi',
      'sanayii',
      'sanaye',
      'sanayeh',
      'promyshlennost',
      'promyshlennosti',
    ],
  ],
  ['group', ['grupo', 'gruppe', 'groupe', 'gruppa', 'gruppo', 'grup']],
  ['combine', ['kombinat', 'combinat']],
  [
    'association',
    [
      'asociacion',
      'associazione',
      'associacao',
      'obedinenie',
      'obyedinenie',
      'obedineniye',
      'obyedineniye',
      'jamiat',
      'jamiyat',
      'jamiyah',
    ],
  ],
  ['scientific', ['nauchno', 'nauchny', 'nauchnyi', 'nauchnoe', 'cientifico', 'scientifique']],
  ['production', ['proizvodstvennoe', 'proizvodstvennoye', 'proizvodstvennaya', 'produccion']],
  ['enterprise', ['predpriyatie', 'predpriyatiye', 'empresa', 'entreprise']],
  [
    'organization',
    [
      'organisation',
      'organizacion',
      'organizzazione',
      'organizacao',
      'organizatsiya',
      'sazman',
      'sazeman',
      'sazemane',
    ],
  ],
  [
    'ministry',
    ['ministerio', 'ministere', 'ministero', 'ministerstvo', 'vezarat', 'vizarat', 'wizarat', 'wazarat'],
  ],
  ['institute', ['instituto', 'institut', 'istituto']],
  [
    'university',
    ['universidad', 'universite', 'universitet', 'universitat', 'universita', 'daneshgah', 'daneshgahe'],
  ],
  ['foundation', ['fundacion', 'fondation', 'fundacao', 'stiftung', 'bonyad', 'bonyade']],
  ['center', ['centre', 'centro', 'tsentr', 'centr', 'zentrum', 'markaz']],
  ['national', ['nacional', 'nationale', 'nazionale']],
  ['international', ['internacional', 'internationale', 'internazionale']],
  ['petroleum', ['petroleos', 'petroleo', 'petrole']],
  ['airlines', ['aerolineas', 'havayollari', 'aviakompaniya']],
  ['cooperative', ['cooperativa', 'kooperativ']],
  // What a company deals in, where the word is a common one in both languages.
  ['chemical', ['quimica', 'quimicos', 'quimicas', 'chimie', 'chimique', 'chimica', 'kimya']],
  ['mining', ['minera', 'mineria', 'mineracao', 'madencilik']],
  ['transport', ['transportes', 'transporte', 'trasporti']],
  ['energy', ['energia', 'energie', 'energiya', 'enerji']],
  ['insurance', ['seguros', 'sigorta', 'assicurazioni']],
  ['construction', ['construcciones', 'constructora', 'construccion', 'insaat']],
  ['engineering', ['ingenieria', 'ingegneria', 'muhendislik']],
  ['maritime', ['maritima', 'maritimo', 'maritimes', 'morskoy', 'morskoi', 'morskaya']],
  ['aviation', ['aviacion', 'aviacao', 'aviatsiya', 'aviatsionny', 'aviatsionnyy', 'aviatsionnaya']],
  ['electronics', ['electronica', 'elektronik']],
  ['pharmaceutical', ['farmaceutica', 'farmaceutico', 'pharmaceutique']],
  ['logistics', ['logistica', 'lojistik']],
  ['technology', ['tecnologia', 'tecnologias', 'technologie', 'teknoloji', 'tekhnologii', 'tekhnologiya']],
  ['services', ['servicios', 'servicos']],
  ['development', ['desarrollo', 'desarrollos']],
  ['products', ['productos', 'produtos']],
  [
    'research',
    ['issledovatelsky', 'issledovatelskiy', 'issledovatelskii', 'investigacion', 'recherche', 'forschung'],
  ],
  ['bureau', ['byuro', 'buro']],
  ['agency', ['agentstvo', 'agencia', 'agence', 'agenzia']],
  ['fund', ['fond', 'fondo', 'fonds']],
  ['administration', ['upravlenie', 'upravleniye']],
  ['council', ['consejo', 'conseil', 'sovet', 'majlis']],
  ['committee', ['komitet', 'comite', 'comitato']],
  ['holding', ['kholding']],
];

/**
 * Word → concept id: two words with the same id are one organisation type or one trade in two
 * languages (compared as variants in `matching/token-pair-similarity.ts`).
 * @example orgTypeGroup.get('zavod') === orgTypeGroup.get('plant') // true
 */
export const orgTypeGroup: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  concepts.forEach(([english, others], id) => {
    for (const word of [english, ...others]) if (!map.has(word)) map.set(word, id + 1);
  });
  return map;
})();
