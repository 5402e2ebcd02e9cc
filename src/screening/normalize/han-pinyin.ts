/**
 * Pinyin for the commonest Chinese surname and given-name characters, so a name written in Han
 * characters can meet its romanised listing. A table of general name knowledge, tones dropped: about
 * 800 simplified characters common in surnames and given names, then the traditional forms of the
 * commonest (Taiwan, Hong Kong and older listings write 陳, 張, 習); characters outside it are left
 * untransliterated.
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
其qi 琛chen 扁bian 恒heng 毅yi 晖hui 炜wei 昊hao 睿rui 博bo 航hang 宸chen 轩xuan 涵han 梓zi 萱xuan
怡yi 彤tong 悦yue 璐lu 瑶yao 琪qi 琦qi 淑shu 贞zhen 秋qiu 冬dong 元yuan 儒ru 鲁lu 魁kui 锋feng
铭ming 铁tie 钢gang 镇zhen 银yin 胜sheng 传chuan 进jin 学xue 远yuan 运yun 继ji 承cheng 启qi 鸣ming 岩yan
峻jun 崇chong 嵩song 岳yue 川chuan 隆long 昌chang 茂mao 彬bin 旗qi 祺qi 麒qi 骏jun 驰chi 腾teng 跃yue
翔xiang 鹰ying 霖lin 雨yu 霜shuang 露lu 冰bing 丹dan 虹hong 蕾lei 薇wei 蓉rong 芝zhi 惠hui 瑾jin 璇xuan
佩pei 娇jiao 媛yuan 姗shan 妍yan 娴xian 洁jie 澜lan 湘xiang 渝yu 津jin 汉han 晋jin 豫yu 闽min 粤yue
琼qiong 宪xian 哲zhe 邦bang 众zhong 群qun 友you 朋peng 亲qin 道dao 贤xian 圣sheng 庄zhuang 肃su 敬jing 恭gong
谦qian 廉lian 俭jian 素su 厚hou 重zhong 稳wen 实shi 坚jian 定ding 守shou 诚cheng 复fu 汝ru 彦yan
佑you 祐you 裕yu 晔ye 煜yu 焕huan 烨ye 炳bing 灿can 炎yan 焱yan 钧jun 锐rui 锡xi 培pei 坤kun
城cheng 墨mo 壮zhuang 士shi 声sheng 喜xi 乐le 欢huan 笑xiao 宽kuan 容rong 宙zhou 宜yi 寒han 寿shou 尊zun
少shao 尚shang 尧yao 居ju 展zhan 屏ping 岗gang 巍wei 州zhou 巧qiao 帆fan 帝di 师shi 幸xing 广guang 庭ting
延yan 开kai 弘hong 弼bi 彪biao 影ying 征zheng 御yu 怀huai 悟wu 慈ci 慕mu 战zhan 才cai 扬yang 捷jie
政zheng 旭xu 昆kun 星xing 昭zhao 景jing 曦xi 曼man 有you 望wang 朝chao 木mu 果guo 柱zhu 栋dong 桥qiao
楠nan 楚chu 槐huai 樱ying 歌ge 沛pei 治zhi 洲zhou 流liu 润run 淳chun 深shen 源yuan 溪xi 滨bin 满man
潇xiao 澄cheng 瀚han 灵ling 烈lie 然ran 照zhao 熙xi 爽shuang 牧mu 猛meng 献xian 玄xuan 玮wei 环huan 珊shan
瑜yu 璋zhang 甲jia 申shen 男nan 畅chang 百bai 皓hao 益yi 盈ying 知zhi 硕shuo 碧bi 神shen 祯zhen 禄lu
禹yu 科ke 第di 策ce 筠jun 简jian 精jing 紫zi 纯chun 绪xu 绮qi 羽yu 翰han 聪cong 能neng 舟zhou
艺yi 芸yun 苗miao 茜qian 菲fei 萌meng 蓓bei 蕊rui 蛟jiao 行xing 衡heng 誉yu 训xun 语yu 谊yi 谷gu
资zi 赐ci 赞zan 越yue 迎ying 连lian 通tong 都du 鉴jian 钊zhao 门men 闻wen 阁ge 雁yan 雯wen 震zhen
霆ting 靖jing 韬tao 韵yun 颂song 香xiang 馨xin 鼎ding 勋xun 励li 劲jin 勃bo 卓zhuo 占zhan 卿qing 厉li
双shuang 叔shu 古gu 可ke 台tai 吉ji 同tong 名ming 君jun 咏yong 品pin 唯wei 园yuan 圆yuan 增zeng 奎kui
奕yi 好hao 如ru 妙miao 姝shu 娥e 婕jie 媚mei 嫣yan 泓hong 沐mu 泊bo 洛luo 济ji 浦pu 涌yong
渊yuan 湛zhan 溢yi 漫man 潮chao 澎peng 焰yan 煌huang 燃ran 爵jue 犀xi 珂ke 琨kun 瑛ying 瑰gui 璧bi
瓒zan 甫fu 畴chou 皇huang 盼pan 眉mei 睦mu 矗chu 磐pan 祎yi 秉bing 竞jing 章zhang 笛di 笙sheng 筱xiao
箫xiao 籍ji 粟su 絮xu 缘yuan 翎ling 翼yi 耕geng 聚ju 胤yin 臻zhen 致zhi 舜shun 芙fu 芮rui 苑yuan
茗ming 荷he 莹ying 菁jing 葆bao 蔚wei 蕙hui 藤teng 蘅heng
習xi 陳chen 張zhang 劉liu 趙zhao 吳wu 孫sun 馬ma 鄭zheng 謝xie 韓han 馮feng 鄧deng 蕭xiao 葉ye 蘇su
呂lu 盧lu 鍾zhong 譚tan 陸lu 賈jia 韋wei 鄒zou 龔gong 萬wan 錢qian 嚴yan 湯tang 溫wen 黃huang 楊yang
許xu 羅luo 龍long 華hua 國guo 東dong 偉wei 麗li 強qiang 軍jun 艷yan 傑jie 濤tao 剛gang 紅hong 輝hui
鵬peng 飛fei 帥shuai 凱kai 穎ying 鳳feng 雲yun 寧ning 慶qing 貴gui 義yi 禮li 順shun 倫lun 衛wei 護hu
錦jin 紹shao 興xing 發fa 財cai 樹shu 鴻hong 鶴he 寶bao 蓮lian 夢meng 詩shi 愛ai 曉xiao 澤ze 勝sheng
傳chuan 進jin 學xue 長chang 聖sheng 達da 遠yuan 運yun 鎮zhen 鋒feng 銘ming 誠cheng 賢xian 連lian 顏yan 閻yan
蔣jiang 龐pang 聶nie 顧gu 賴lai 鄺kuang 關guan 歐ou 陽yang 傅fu 簡jian 鄔wu 鐘zhong 嶽yue 紀ji 閔min
瑋wei 儀yi 靜jing 蘭lan 經jing 綸lun 緯wei 維wei 綺qi 縉jin 繼ji 續xu 纓ying 聰cong 肅su 臺tai
與yu 舉ju 莊zhuang 葦wei 蔭yin 薩sa 藍lan 蘆lu 虛xu 號hao 蝦xia 蠻man 補bu 裝zhuang 襄xiang
覺jue 親qin 觀guan 訓xun 記ji 訪fang 設she 詠yong 誼yi 諸zhu 謙qian 謹jin 譽yu 讓rang 豐feng 貝bei
貞zhen 負fu 賀he 資zi 賓bin 賜ci 賞shang 賦fu 質zhi 贊zan 躍yue 車che 軒xuan 輔fu 輪lun 農nong
邁mai 郵you 鄉xiang 鄰lin 釗zhao 鈞jun 鈴ling 銀yin 銓quan 鋼gang 錄lu 錫xi 鍵jian 鏡jing 鐵tie 開kai
閩min 闊kuo 隨sui 雙shuang 雞ji 離li 雖sui 電dian 靈ling 韻yun 頌song 領ling 頡jie 頤yi 顯xian 風feng
颯sa 餘yu 馳chi 駿jun 騰teng 驊hua 鬱yu 魯lu 鮑bao 鳴ming 鶯ying 麥mai 黨dang 齊qi 齡ling 龜gui
榮rong 樂le 權quan 歡huan 滬hu 漢han 潔jie 濟ji 濱bin 瀾lan 灣wan 為wei 烏wu 無wu 煒wei 燦can
爾er 獻xian 璽xi 瓊qiong 畢bi 碩shuo 祿lu 禎zhen 積ji 穩wen 筆bi 簫xiao 糧liang
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
