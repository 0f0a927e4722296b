// Invented sample copy for the fictional 海城日报 (Haicheng Daily). Every
// sentence here was written for this project; none is taken from a newspaper.
import type { BodyBlock } from "../content";
import type { Random } from "./random";

export const SAMPLE_PAGES = [
  { code: "a01", name: "头版", topic: "front" },
  { code: "a02", name: "要闻", topic: "news" },
  { code: "a03", name: "本市·综合", topic: "city" },
  { code: "a04", name: "本市·民生", topic: "life" },
  { code: "a05", name: "视点·科教", topic: "science" },
  { code: "a06", name: "金融周刊", topic: "finance" },
  { code: "a07", name: "时事·九州", topic: "nation" },
  { code: "a08", name: "时事·环球", topic: "world" },
] as const;
export type Topic = (typeof SAMPLE_PAGES)[number]["topic"];

const TITLES: Record<Topic, string[]> = {
  front: [
    "海城新区十二个重点项目集中开工",
    "全市冬季保供稳价工作全面启动",
    "滨江生态廊道全线贯通",
    "海城港集装箱吞吐量再创新高",
    "城乡公交一体化覆盖所有乡镇",
    "百所学校新建改建工程提前完工",
    "市民服务中心推出夜间办事窗口",
    "海城跨海大桥主塔顺利封顶",
  ],
  news: [
    "市政府常务会议研究部署冬春农业生产",
    "优化营商环境新举措发布",
    "全市安全生产大检查取得阶段成效",
    "重点工程建设现场推进会召开",
    "政协委员走访基层听取民意",
    "海城与三地签署区域合作协议",
    "新一批便民事项实现掌上办理",
    "春运保障方案提前谋划",
  ],
  city: [
    "老城区三条背街小巷完成改造",
    "城西污水处理厂扩建投用",
    "海城植物园迎来赏秋高峰",
    "社区微更新让老旧小区焕新颜",
    "地铁二号线首批列车抵达",
    "江滨夜市重新开张人气旺",
    "城市书房增至四十六家",
    "梧桐路改造期间公交临时绕行",
  ],
  life: [
    "菜篮子价格总体平稳",
    "社区食堂开到家门口",
    "冬季供暖设施检修基本完成",
    "老年人助餐点新增二十处",
    "医院推出周末专家门诊",
    "流感疫苗接种点一览",
    "住房公积金提取更便捷",
    "儿童友好公园陆续开放",
  ],
  science: [
    "海城大学团队研发新型海水淡化膜",
    "中学生科创作品亮相全国赛场",
    "智慧课堂走进山区学校",
    "市科技馆推出深海探秘特展",
    "青少年编程夏令营报名启动",
    "农业专家田间传授越冬技术",
    "职业院校与企业共建实训基地",
    "天文爱好者观测双子座流星雨",
  ],
  finance: [
    "本地企业债券发行规模稳步增长",
    "普惠小微贷款余额同比增长",
    "数字人民币试点场景持续扩容",
    "港口物流企业加快转型升级",
    "理财市场迎来年末配置窗口",
    "外贸企业订单排至明年春季",
    "保险服务助力渔民出海无忧",
    "专家解读居民消费新趋势",
  ],
  nation: [
    "多地推进冬季清洁取暖",
    "西部铁路新线开通运营",
    "全国粮食产量再获丰收",
    "长江流域生态保护持续加力",
    "各地图书馆延长开放时间",
    "高原地区光伏电站并网发电",
    "北方城市迎来入冬首场降雪",
    "乡村旅游线路受游客青睐",
  ],
  world: [
    "国际航运市场运价小幅回落",
    "多国科学家联合开展极地考察",
    "气候大会聚焦适应资金",
    "全球芯片供应链加速调整",
    "国际马拉松赛事报名火爆",
    "海外博物馆举办东方陶瓷展",
    "多国央行维持利率不变",
    "远洋渔业合作迈出新步伐",
  ],
};

const KICKERS = [
  "聚焦高质量发展",
  "民生实事进行时",
  "一线见闻",
  "记者手记",
  "新春走基层",
  "奋进新征程",
  "关注",
  "特别报道",
];
const SUBTITLES = [
  "总投资超过八十亿元，预计明年底前陆续投用",
  "惠及群众十余万人",
  "相关部门表示将持续跟进",
  "专家建议市民提前做好准备",
  "多项指标好于预期",
  "首批试点已取得积极成效",
];
const REPORTERS = ["林晓", "陈思远", "黄一帆", "郑佳音", "吴清源", "许向东", "周沐阳", "蔡若溪", "方明", "叶知秋"];

const OPENINGS: Record<Topic, string[]> = {
  front: ["记者从市发展改革部门获悉，", "昨日上午，", "连日来，"],
  news: ["昨日，", "会议指出，", "据介绍，"],
  city: ["走进城区，", "记者昨日在现场看到，", "入冬以来，"],
  life: ["记者近日走访发现，", "对于不少市民来说，", "据市场监测数据显示，"],
  science: ["记者从海城大学了解到，", "近日，", "在刚刚结束的评选中，"],
  finance: ["记者从金融监管部门获悉，", "今年以来，", "业内人士分析认为，"],
  nation: ["据新华社消息，", "连日来，", "记者从有关方面获悉，"],
  world: ["据外电报道，", "当地时间周二，", "最新数据显示，"],
};
const SENTENCES = [
  "相关负责人表示，下一步将加快推进各项工作，确保按期完成既定目标。",
  "现场施工人员正在抓紧作业，机械设备来回穿梭，一派繁忙景象。",
  "不少市民表示，这些变化实实在在，让日子过得更加舒心。",
  "据统计，今年以来相关工作累计投入资金较去年同期增长一成以上。",
  "为方便群众办事，相关窗口还推出了预约服务和延时服务。",
  "专家认为，这一做法既解决了眼前难题，也为长远发展打下基础。",
  "记者注意到，现场不少年轻人拿出手机拍照留念，分享到社交平台。",
  "据了解，该项目建成后将有效缓解周边交通压力，提升片区整体品质。",
  "工作人员逐户上门走访，详细记录居民提出的意见和建议。",
  "活动吸引了各年龄段的参与者，现场气氛热烈，掌声不断。",
  "与此同时，有关部门加强了巡查力度，及时发现并处置各类问题。",
  "多位受访者表示，希望这样的好政策能够长期坚持下去。",
  "从规划设计到落地实施，每个环节都充分听取了群众意见。",
  "接下来，还将在更多区域推广这一经验，让更多人从中受益。",
  "据测算，项目全部投用后每年可节约能源成本数百万元。",
  "不少商户反映，客流明显增加，营业额比以往提高了不少。",
];
const SUBHEADS = ["多措并举 稳步推进", "群众点赞 实事办实", "下一步 持续发力", "创新机制 破解难题"];

export function pickTitles(topic: Topic, count: number, random: Random): string[] {
  const pool = [...TITLES[topic]];
  const titles: string[] = [];
  while (titles.length < count && pool.length) titles.push(pool.splice(random.int(0, pool.length - 1), 1)[0]);
  return titles;
}

export function byline(random: Random): string {
  const first = random.pick(REPORTERS);
  if (random.chance(0.3)) return `□ 记者 ${first} 通讯员 ${random.pick(REPORTERS)}`;
  if (random.chance(0.2)) return `本报记者 ${first}`;
  return `□ 记者 ${first}`;
}

export const kicker = (random: Random) => random.pick(KICKERS);
export const subtitle = (random: Random) => random.pick(SUBTITLES);

function paragraph(random: Random, opening?: string): string {
  const count = random.int(2, 4);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(random.pick(SENTENCES));
  return (opening ?? "") + parts.join("");
}

/** A body of `paragraphs` paragraphs, with an occasional subhead. */
export function body(topic: Topic, paragraphs: number, random: Random): BodyBlock[] {
  const blocks: BodyBlock[] = [{ type: "paragraph", text: paragraph(random, random.pick(OPENINGS[topic])) }];
  for (let i = 1; i < paragraphs; i++) {
    if (paragraphs > 4 && i === Math.floor(paragraphs / 2))
      blocks.push({ type: "subhead", text: random.pick(SUBHEADS) });
    blocks.push({ type: "paragraph", text: paragraph(random) });
  }
  return blocks;
}
