/**
 * Pinyin for the commonest Chinese surname and given-name characters, so a name written in Han
 * characters can meet its romanised listing. A deliberately small table (about 400 characters of
 * general name knowledge, tones dropped); characters outside it are left untransliterated.
 */

const table = `
王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo
何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng 邓deng 曹cao 彭peng
曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng 苏su 魏wei
吕lu 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin 石shi
廖liao 贾jia 夏xia 韦wei 付fu 方fang 白bai 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue
闫yan 段duan 雷lei 侯hou 龙long 史shi 陶tao 黎li 贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian
严yan 覃qin 武wu 戴dai 莫mo 孔kong 向xiang 汤tang 习xi 温wen 易yi 常chang 康kang 施shi 牛niu
洪hong 庞pang 樊fan 殷yin 齐qi 葛ge 柳liu 盛sheng 耿geng 欧ou 阳yang 上shang 官guan 司si 诸zhu
伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 娟juan 涛tao
明ming 超chao 秀xiu 霞xia 平ping 刚gang 桂gui 英ying 华hua 文wen 玉yu 兰lan 红hong 建jian 国guo
志zhi 海hai 春chun 德de 东dong 生sheng 成cheng 荣rong 新xin 宏hong 辉hui 峰feng 斌bin 波bo 鹏peng
飞fei 鑫xin 宇yu 浩hao 晨chen 俊jun 帅shuai 凯kai 佳jia 欣xin 慧hui 婷ting 雪xue 琳lin 颖ying
倩qian 晶jing 燕yan 梅mei 莉li 萍ping 芬fen 玲ling 凤feng 云yun 青qing 清qing 山shan 水shui
小xiao 大da 中zhong 天tian 正zheng 恩en 日ri 月yue 光guang 永yong 长chang 福fu 贵gui 富fu 安an
宁ning 康kang 庆qing 祥xiang 瑞rui 嘉jia 家jia 子zi 之zhi 一yi 二er 三san 四si 五wu 六liu 七qi
八ba 九jiu 十shi 近jin 仁ren 义yi 礼li 智zhi 信xin 忠zhong 孝xiao 和he 顺shun 民min 立li 力li
利li 伦lun 龙long 虎hu 豪hao 雄xiong 威wei 武wu 勤qin 良liang 善shan 美mei 真zhen 爱ai 心xin
思si 晓xiao 亮liang 健jian 泽ze 东dong 西xi 南nan 北bei 京jing 江jiang 河he 湖hu 泉quan 松song
柏bai 竹zhu 兵bing 卫wei 保bao 护hu 锦jin 绍shao 耀yao 宗zong 祖zu 先xian 振zhen 兴xing 旺wang
发fa 财cai 根gen 树shu 森sen 鸿hong 鹤he 凤feng 麟lin 宝bao 珍zhen 珠zhu 琴qin 彩cai 翠cui 莲lian
菊ju 梦meng 诗shi 雅ya 婉wan 倪ni 邢xing 郎lang 蓝lan 关guan 包bao 戚qi 纪ji 舒shu 屈qu 项xiang
祝zhu 董dong 梁liang 杜du 阮ruan 蓝lan 闵min 席xi 季ji 麻ma 强qiang 贾jia 路lu 娄lou 危wei 江jiang
童tong 颜yan 郭guo 梅mei 盛sheng 林lin 刁diao 钟zhong 徐xu 邱qiu 骆luo 高gao 夏xia 蔡cai 田tian
樊fan 胡hu 凌ling 霍huo 虞yu 万wan 支zhi 柯ke 昝zan 管guan 卢lu 莫mo 经jing 房fang 裘qiu 缪miao
干gan 解xie 应ying 宗zong 丁ding 宣xuan 贲ben 邓deng 郁yu 单shan 杭hang 洪hong 包bao 诸zhu 左zuo
奥ao 巴ba 克ke 拉la 贝bei 普pu 京jing 特te 朗lang 拜bai 登deng 希xi 尔er 斯si 基ji 诺nuo 维wei
奇qi 亚ya 尼ni 卡ka 罗luo 德de 夫fu 里li 米mi 本ben 拿na 森sen 萨sa 布bu 伊yi 莎sha 娃wa 塔ta
纳na 沙sha 哈ha 穆mu 罕han 默mo 阿a 迪di 法fa 图tu 泰tai 宾bin 达da 恰qia 乌wu 兹zi 蒂di
`;

/** Han character → toneless pinyin syllable. */
export const hanToPinyin: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const entry of table.split(/\s+/)) {
    if (!entry) continue;
    const char = String.fromCodePoint(entry.codePointAt(0)!);
    map.set(char, entry.slice(char.length));
  }
  return map;
})();
