/**
 * Korean and Japanese readings of names written in Han characters, so 金正恩 can meet "Kim Jong Un"
 * and 山田太郎 "Yamada Taro": the same characters are read differently in each language, and a name
 * in Han script alone does not say which. Small tables of the commonest surname and given-name
 * characters (general name knowledge written here); a name with any character outside them gets no
 * reading of that kind.
 */
import { romanizeHangulName } from './hangul-romanization.js';

/**
 * Sino-Korean reading (as a Hangul syllable) of common name characters, traditional and simplified
 * forms both listed where they differ.
 */
const koreanTable = `
金김 李이 朴박 崔최 鄭정 郑정 姜강 趙조 赵조 尹윤 張장 张장 林임 韓한 韩한 吳오 吴오 徐서 申신
權권 权권 黃황 黄황 安안 宋송 柳류 劉류 刘류 全전 洪홍 高고 文문 梁양 孫손 孙손 裵배 白백 許허
许허 南남 沈심 盧노 卢노 河하 郭곽 成성 車차 车차 朱주 禹우 具구 羅나 罗나 任임 田전 閔민 闵민
兪유 陳진 陈진 池지 嚴엄 严엄 元원 千천 方방 孔공 玄현 咸함 卞변 廉염 楊양 杨양 邊변 边변 呂여
吕여 秋추 都도 魯노 鲁노 石석 蘇소 苏소 愼신 慎신 馬마 马마 薛설 吉길 宣선 周주 延연 表표 明명
奇기 魏위 王왕 琴금 玉옥 奉봉 陸육 陆육 睦목 丁정 康강 芮예 余여 太태 片편 龍용 龙용 卓탁 晉진
正정 恩은 日일 哲철 男남 浩호 民민 英영 永영 秀수 賢현 贤현 俊준 鎬호 勳훈 勋훈 洙수 植식 赫혁
光광 國국 国국 泰태 在재 寅인 昌창 虎호 基기 道도 東동 东동 相상 炫현 熙희 希희 姬희 姫희 淑숙
子자 順순 顺순 美미 惠혜 貞정 贞정 珍진 眞진 真진 智지 志지 允윤 源원 宇우 雄웅 興흥 兴흥 鐘종
钟종 鍾종 宗종 錫석 锡석 碩석 硕석 圭규 奎규 珠주 濟제 济제 載재 载재 大대 德덕 德덕 斗두 煥환
焕환 喜희 孝효 學학 学학 漢한 汉한 海해 弘홍 鉉현 铉현 亨형 炯형 敏민 玟민 承승 勝승 胜승 昇승
世세 善선 仙선 先선 星성 聖성 圣성 信신 新신 實실 实실 心심 愛애 爱애 陽양 阳양 良량 然연 烈열
榮영 荣영 容용 勇용 友우 雨우 旭욱 雲운 云운 月월 偉위 伟위 有유 潤윤 润윤 銀은 银은 義의 义의
仁인 一일 長장 长장 才재 天천 鐵철 铁철 春춘 忠충 致치 平평 恒항 憲헌 宪헌 革혁 協협 协협 好호
和화 華화 华화 花화 輝휘 辉휘 休휴 晶정 貴귀 贵귀 根근 錦금 锦금 吉길 洛락 蘭란 兰란 麗려 丽려
蓮련 莲련 玲령 鈴령 铃령 禮례 礼례 萬만 万만 妙묘 茂무 武무 範범 范범 福복 富부 山산 三삼 上상
祥상 瑞서 錫석 仙선 雪설 燮섭 素소 松송 壽수 寿수 洙수 淳순 純순 舜순 承승 時시 时시 植식 岩암
英영 玉옥 完완 王왕 堯요 镛용 鏞용 佑우 旭욱 元원 媛원 源원 允윤 殷은 乙을 仁인 林림 章장 在재
定정 廷정 庭정 靜정 静정 濟제 鍾종 柱주 俊준 峻준 中중 重중 芝지 珍진 鎭진 镇진 昌창 采채 彩채
天천 泉천 哲철 喆철 淸청 清청 草초 秋추 泰태 澤택 泽택 八팔 平평 弼필 夏하 鶴학 鹤학 翰한 海해
香향 憲헌 赫혁 炫현 亨형 慧혜 鎬호 昊호 洪홍 化화 煥환 孝효 勳훈 熙희 姬희 博박 槿근 泳영
`;

/** Korean reading of a Han character as a Hangul syllable. */
const hanToHangul: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const entry of koreanTable.split(/\s+/)) {
    const chars = Array.from(entry);
    if (chars.length === 2 && !map.has(chars[0]!)) map.set(chars[0]!, chars[1]!);
  }
  return map;
})();

/**
 * Japanese name readings: `char=surname` or `char=first,later` (the reading at the start of a
 * surname, and later in it, where the sound changes: 田中 Tanaka, 山田 Yamada), optionally
 * `;given` for the reading in given names (和田 Wada, 和夫 Kazuo).
 */
const japaneseTable = `
佐=sa 藤=fuji,to 鈴=suzu 木=ki 高=taka 橋=hashi 田=ta,da 中=naka 渡=wata 辺=nabe 邊=nabe 伊=i
山=yama 本=moto 小=ko 林=hayashi,bayashi 加=ka 吉=yoshi 松=matsu 井=i 上=ue 村=mura 清=kiyo
水=mizu 斎=sai 斉=sai 森=mori 池=ike 阿=a 部=be 石=ishi 原=hara 岡=oka 野=no 前=mae 後=go
長=naga 谷=tani,ya 坂=saka 遠=en 青=ao 西=nishi 東=higashi 北=kita 南=minami 福=fuku 島=shima,jima
竹=take 内=uchi 和=wa;kazu 安=a;yasu 千=chi 葉=ha,ba 宮=miya 崎=saki,zaki 川=kawa 平=hira 菅=suga
大=o;dai 久=ku;hisa 保=ho,bo 新=nii;shin 横=yoko 浜=hama 三=mi;zo 浦=ura 市=ichi 早=haya;sa 近=kon
金=kane 今=ima 岩=iwa 丸=maru 杉=sugi 沢=sawa,zawa 澤=sawa,zawa 関=seki 堀=hori 星=hoshi 土=tsuchi
広=hiro 増=masu 片=kata 神=kami 白=shira 黒=kuro 永=naga 荒=ara 浅=asa 酒=saka 根=ne 寺=tera,dera
古=furu 河=kawa 熊=kuma 矢=ya 塚=tsuka,zuka 津=tsu 奥=oku 武=take;takeshi 尾=o 畑=hata,bata
菊=kiku 桜=sakura 秋=aki 宇=u 多=ta 須=su 服=hatto 桑=kuwa 梅=ume 菅=suga 栗=kuri 柴=shiba 望=mochi
太=ta 郎=ro 一=ichi 二=ji 次=ji 健=ken 誠=makoto 翔=sho 輔=suke 介=suke 助=suke 彦=hiko 雄=o
夫=o 男=o 明=aki 正=masa 博=hiro 浩=hiro 弘=hiro 宏=hiro 裕=yu 勇=isamu 進=susumu 茂=shigeru
実=minoru 隆=taka 孝=taka 貴=taka 敏=toshi 俊=toshi 秀=hide 英=hide 信=nobu 直=nao 晋=shin
真=ma 慎=shin 伸=nobu 康=yasu 泰=yasu 豊=yutaka 義=yoshi 良=yoshi 芳=yoshi 喜=yoshi 美=mi 子=ko
花=hana 恵=e 愛=ai 香=ka 奈=na 菜=na 由=yu 優=yu 理=ri 里=ri 絵=e 江=e 代=yo 枝=e 智=tomo
友=tomo 知=tomo 朋=tomo 咲=saki 苗=nae 陽=haru 春=haru 夏=natsu 冬=fuyu 晴=haru 梅=ume 桃=momo
雪=yuki 幸=yuki 之=yuki 行=yuki 紀=ki;nori 則=nori 典=nori 憲=nori 光=mitsu 満=mitsu 克=katsu
勝=katsu 功=isao 昭=aki 晃=aki 彰=aki 章=aki 哲=tetsu 徹=toru 剛=tsuyoshi 修=osamu 治=ji 司=ji
悟=satoru 聡=satoshi 翼=tsubasa 蓮=ren 陸=riku 海=umi;kai 空=sora 拓=taku 也=ya 哉=ya 斗=to
人=to 登=noboru 賢=ken 謙=ken 輝=teru 照=teru 達=tatsu 竜=ryu 龍=ryu 亮=ryo 涼=ryo 遼=ryo
栄=ei 恭=kyo 京=kyo 匠=takumi 純=jun 潤=jun 順=jun 淳=jun 悠=yu 早=haya;sa 結=yu 心=kokoro
岸=kishi 倍=be 文=fumi 晋=shin 麻=asa 生=o 太=ta 月=tsuki,zuki 日=hi 晶=aki 千=chi 万=man 百=momo 八=ya 九=ku 十=to 町=machi 鳥=tori 羽=ha,ba
`;

interface JapaneseReading {
  first: string;
  later: string;
  given: string;
}

const hanToJapanese: ReadonlyMap<string, JapaneseReading> = (() => {
  const map = new Map<string, JapaneseReading>();
  for (const entry of japaneseTable.split(/\s+/)) {
    const at = entry.indexOf('=');
    if (at < 1) continue;
    const char = entry.slice(0, at);
    const [surname = '', given] = entry.slice(at + 1).split(';');
    const [first = '', later] = surname.split(',');
    if (!map.has(char)) map.set(char, { first, later: later ?? first, given: given ?? first });
  }
  return map;
})();

const HAN_RUN = /\p{Script=Han}+/gu;

/** Replaces every Han run of `raw` with `read(run)`; undefined when a run has no reading. */
function readRuns(raw: string, read: (chars: string[]) => string | undefined): string | undefined {
  let complete = true;
  let any = false;
  const out = raw.replace(HAN_RUN, (run) => {
    any = true;
    const reading = read(Array.from(run));
    if (reading === undefined) complete = false;
    return ` ${reading ?? ''} `;
  });
  return any && complete ? out.replace(/\s+/g, ' ').trim() : undefined;
}

/**
 * The Korean reading of a name in Han characters, romanised as Korean names are.
 * @example koreanReading('金正恩') // 'kim jong un'
 */
export function koreanReading(raw: string): string | undefined {
  return readRuns(raw, (chars) => {
    let hangul = '';
    for (const c of chars) {
      const syllable = hanToHangul.get(c);
      if (syllable === undefined) return undefined;
      hangul += syllable;
    }
    return romanizeHangulName(hangul);
  });
}

/**
 * The Japanese reading of a name in Han characters: surname (the first two characters of a
 * longer name, else the first) then given name.
 * @example japaneseReading('山田太郎') // 'yamada taro'
 */
export function japaneseReading(raw: string): string | undefined {
  return readRuns(raw, (chars) => {
    if (chars.length < 2 || chars.length > 5) return undefined;
    const surnameLength = chars.length >= 4 ? 2 : chars.length === 3 ? 2 : 1;
    let surname = '';
    let given = '';
    for (let k = 0; k < chars.length; k++) {
      const reading = hanToJapanese.get(chars[k]!);
      if (reading === undefined) return undefined;
      if (k < surnameLength) surname += k === 0 ? reading.first : reading.later;
      else given += reading.given;
    }
    return `${surname} ${given}`;
  });
}
