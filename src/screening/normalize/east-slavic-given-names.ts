/**
 * Belarusian and Ukrainian forms of East Slavic given names beside the Russian one lists often
 * carry for the same person (Alyaksandr, Oleksandr ~ Aleksandr; Siarhei, Serhii ~ Sergei). The
 * languages differ in sound, not only in spelling: Belarusian and Ukrainian write H where Russian
 * has G (Ihar, Ihor ~ Igor; Ryhor, Hryhorii ~ Grigory), Belarusian writes its unstressed O as A
 * and its short U (ў) after a vowel as U (Aleh ~ Oleg, Stanislau ~ Stanislav) and prefixes U to an
 * initial V before a consonant (Uladzimir ~ Vladimir). Spellings as BGN/PCGN and the passport
 * systems of the two countries give them; the first word of each row is the Russian form that
 * name-variants.ts already groups (or a new group's head). Belarusian names written in Cyrillic and
 * romanised letter by letter as Russian come out with G (Рыгор "rygor", Ігар "igar"): those too.
 */
export const eastSlavicGivenNames: readonly (readonly string[])[] = [
  [
    'aleksandr',
    'aliaksandra',
    'aliaksandr',
    'alyaksandr',
    'aljaksandr',
    'alaksandr',
    'alaksandar',
    'aleksander',
  ],
  ['aleksei', 'aliaksei', 'alyaksei', 'alyaksey', 'aliaksiej', 'oleksii', 'oleksij'],
  ['vladimir', 'uladzimir', 'uladzimer', 'uladzimier'],
  ['nikolai', 'mikalai', 'mikalay'],
  ['sergei', 'siarhei', 'syargey', 'siargei', 'siarhey', 'syarhei', 'syarhey', 'serhii', 'serhij'],
  ['dmitry', 'dzmitry', 'dzmitriy', 'dzmitryi', 'zmitser'],
  [
    'yevgeny',
    'yauhen',
    'yaugen',
    'yauheni',
    'yauhenii',
    'yevhen',
    'yevhenii',
    'yevhenij',
    'ievgen',
    'ievgenii',
    'evhen',
  ],
  ['igor', 'ihar', 'igar', 'ihor'],
  ['grigory', 'ryhor', 'rygor', 'hryhorii', 'hryhoriy', 'hryhorij'],
  ['yuri', 'yurij', 'iury'],
  ['viktor', 'viktar'],
  ['leonid', 'leanid', 'lyonya'],
  ['gennady', 'hienadz', 'genadz', 'henadz', 'hiennadz', 'hennadii', 'hennadiy', 'hennadij'],
  ['pyotr', 'petro', 'piatro', 'pyatro'],
  ['anatoly', 'anatol'],
  ['konstantin', 'kanstantsin', 'kastus', 'kostiantyn', 'kostyantyn'],
  ['mikhail', 'mykhailo', 'mykhaylo', 'mikhailo'],
  ['pavel', 'paval', 'pavlo'],
  ['andrei', 'andrii', 'andrij'],
  ['vladislav', 'vladyslav', 'uladzislau'],
  ['vyacheslav', 'viacheslav', 'vyachaslau', 'viachaslau'],
  ['stanislav', 'stanislau'],
  ['yaroslav', 'yaraslau'],
  ['vitaly', 'vitaliy', 'vitalii', 'vitali'],
  ['oleg', 'aleh', 'aleg', 'oleh'],
  ['bogdan', 'bohdan'],
  ['kirill', 'kiryl', 'kyrylo'],
  ['yegor', 'egor', 'yahor'],
  ['artyom', 'artem', 'artsiom', 'artiom'],
  ['maksim', 'maxim', 'maksym'],
  ['georgy', 'heorhii', 'heorhiy'],
  ['svetlana', 'sviatlana', 'svyatlana', 'svitlana'],
  ['tatiana', 'tatsiana', 'tatsyana', 'tetiana', 'tetyana'],
  ['natalia', 'natallia', 'nataliia'],
  ['olga', 'volha', 'olha'],
  ['galina', 'halina', 'halyna'],
  ['lyudmila', 'liudmila', 'lyudmyla', 'liudmyla'],
  ['irina', 'iryna'],
  ['elena', 'alena', 'olena'],
  ['maria', 'maryia', 'mariia'],
  ['yulia', 'yuliia', 'yuliya'],
  ['ekaterina', 'katsiaryna', 'kateryna'],
  ['anastasia', 'anastasiia', 'nastassia'],
  ['stepan', 'stsiapan', 'stsyapan', 'stsiepan'],
  ['lidiya', 'lidia', 'lydia', 'lidziya', 'lidziia', 'lidzia'],
];
