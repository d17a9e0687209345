// What the sample's supervisors write when an inspection item fails (engine/sample/inspections.ts). Its own
// module without imports, so engine/sample/generate.ts can list these requirements at load time.

export interface Described {
  zh: string;
  en: string;
}

/**
 * What a supervisor writes when an item fails, per requirement id.
 * `types` limits a note to buildings of those types. Only these requirements ever fail in the sample, and
 * every failure is listed in the manifest.
 */
export const FAILURE_NOTES: Record<string, (Described & { types?: string[] })[]> = {
  '4.2-3': [
    { zh: '一楼大厅保洁员未佩戴服务标志牌，未统一着装', en: 'A cleaner in the ground-floor hall wore no name badge and no uniform' },
    { zh: '值班员使用方言接待来访学生，态度生硬', en: 'The duty attendant spoke dialect to a visiting student and was curt' },
  ],
  '4.4': [
    { zh: '二楼东侧安全出口指示灯不亮', en: 'The exit sign on the east side of floor 2 is out' },
    { zh: '一楼配电间门口安全警示标识脱落', en: 'The safety sign at the ground-floor switch room door has come off' },
  ],
  '5.1.1.5-1': [
    { zh: '北侧外墙瓷砖脱落约0.5平方米，下方未设警戒线', en: 'About 0.5 m² of tiles off the north wall; no cordon below' },
    { zh: '三楼阳台雨罩边缘开裂', en: 'The canopy edge over a floor-3 balcony is cracked' },
  ],
  '5.1.1.5-2': [
    { zh: '三楼东侧卫生间水龙头滴漏，二楼楼梯扶手松动未修', en: 'Dripping tap in the floor-3 east toilets; loose stair handrail on floor 2 not repaired' },
    { zh: '四楼走廊两盏灯具不亮，开关面板破损', en: 'Two corridor lights out on floor 4; a switch plate broken' },
  ],
  '5.1.1.5-3': [
    { zh: '屋顶排水口被落叶堵塞，东侧有积水', en: 'Roof drain blocked by leaves; standing water on the east side' },
  ],
  '5.1.2.5': [
    { zh: '水泵房灭火器压力不足，两处管道流向标识脱落', en: 'Pump room extinguisher under pressure; two pipe flow labels missing' },
  ],
  '5.1.2.7-4': [
    { zh: '应急发电机未见本月试运行记录，蓄电池电压偏低', en: 'No test run of the standby generator recorded this month; battery voltage low' },
  ],
  '5.1.2.7-5': [
    { zh: '配电室绝缘手套超过检验期未更换，一盏照明灯损坏', en: 'Switch room insulating gloves past their test date; one light broken' },
  ],
  '5.1.2.8-4': [
    { zh: '地下室东侧积水约5厘米，排水泵未启动', en: 'About 5 cm of water in the east basement; the sump pump had not started' },
  ],
  '5.1.2.9-1': [
    { zh: '三楼消火栓箱被实验柜遮挡，水带缺失', en: 'Floor-3 hydrant cabinet hidden behind a lab cabinet; hose missing', types: ['laboratory'] },
    { zh: '二楼西侧消火栓箱门无法打开，箱内水枪缺失', en: 'Floor-2 west hydrant cabinet door jammed; nozzle missing' },
  ],
  '5.1.2.9-2': [
    { zh: '室外消火栓被临时堆放的建材圈占', en: 'Outdoor hydrant fenced in by stacked building materials' },
  ],
  '5.1.2.9-3': [
    { zh: '二楼走廊灭火器压力表指针在红区，未送检', en: 'Floor-2 corridor extinguisher gauge in the red; not sent for service' },
  ],
  '5.1.2.9-4': [
    { zh: '消防控制室显示3号烟感故障，未处理未记录', en: 'Fire control panel shows smoke detector 3 faulty; not handled or logged' },
  ],
  '5.1.2.11-2': [
    { zh: '1号电梯轿厢照明灯损坏一盏，排风扇不转', en: 'Lift 1: one car light broken, exhaust fan not running' },
  ],
  '5.2.1.3': [
    { zh: '东门外来车辆未登记即放行；消防车道停放私家车2辆', en: 'Visiting cars let in at the east gate without registration; two private cars parked in the fire lane' },
  ],
  '5.2.1.4': [
    { zh: '装修施工人员未办理出入证进入楼内', en: 'Renovation workers entered the building without passes' },
  ],
  '5.2.4.2': [
    { zh: '三楼东侧消防通道堆放杂物（纸箱、自行车），疏散通道不畅', en: 'Fire exit on floor 3 (east) blocked by cartons and bicycles' },
    { zh: '一楼北侧安全出口被铁链锁闭', en: 'The ground-floor north exit chained shut' },
  ],
  '5.3.1-1': [
    { zh: '一楼大厅堆放快递纸箱，地面有污渍', en: 'Parcel cartons piled in the ground-floor hall; stains on the floor' },
  ],
  '5.3.1-3': [
    { zh: '四楼楼梯间顶棚有蛛网，墙面有乱涂乱画', en: 'Cobwebs on the floor-4 stairwell ceiling; graffiti on the wall' },
  ],
  '5.3.1-6': [
    { zh: '三楼东侧卫生间地漏堵塞积水，有明显异味', en: 'Floor-3 east toilet: floor drain blocked, standing water, strong smell' },
  ],
  '5.3.2-1': [
    { zh: '后厨通道堆放食材纸箱，地面油污未清', en: 'Cartons of produce stacked in the kitchen corridor; grease on the floor', types: ['canteen'] },
    { zh: '一楼大厅堆放纸箱和废旧桌椅', en: 'Cartons and old desks piled in the ground-floor hall' },
  ],
  '5.3.2-2': [
    { zh: '一楼大厅玻璃门有大片手印污渍', en: 'Hand marks all over the ground-floor glass doors' },
  ],
  '5.3.2-5': [
    { zh: '二楼走廊灭火器箱和烟感器表面积灰', en: 'Dust on the floor-2 extinguisher boxes and smoke detectors' },
  ],
  '5.3.2-6': [
    { zh: '三楼东侧卫生间地漏堵塞积水，有异味', en: 'Floor-3 east toilet: floor drain blocked, standing water, smell' },
    { zh: '二楼女卫生间隔间有污垢，垃圾未及时清理', en: 'Dirt in the floor-2 women\'s toilet stalls; bins not emptied' },
  ],
  '5.3.3-1': [
    { zh: '北门至食堂道路散落垃圾未清扫', en: 'Litter along the road from the north gate to the canteen not swept' },
  ],
  '5.3.3-4': [
    { zh: '图书馆前花坛内有塑料袋等杂物，落叶堆积', en: 'Plastic bags and fallen leaves in the flower beds in front of the library' },
  ],
  '5.3.4': [
    { zh: '垃圾分类桶标识不清，周围有散落垃圾和污水', en: 'Sorting bins unlabelled; litter and waste water around them' },
  ],
  '5.3.6': [
    { zh: '课间在走廊拖地未设置"小心地滑"提示牌', en: 'Corridor mopped during a break without a wet-floor sign' },
  ],
  '5.4.1': [
    { zh: '主干道两侧绿篱未修剪，有枯枝', en: 'Hedges along the main road untrimmed, with dead branches' },
  ],
  '6.1.1.2': [
    { zh: '来访人员未验证登记即进入公寓', en: 'A visitor entered the dormitory without being checked and registered' },
  ],
  '6.1.1.3': [
    { zh: '抽查5间寝室，1间有外来人员留宿未登记', en: 'Of 5 rooms checked, one had an unregistered overnight guest' },
  ],
  '6.2.1.1': [
    { zh: '关门后305教室窗户未关、灯未关，未公布值班电话', en: 'After closing, room 305 had windows open and lights on; no duty number posted' },
  ],
  '6.2.1.6-4': [
    { zh: '课后201、203教室多媒体设备未关闭', en: 'Projectors in rooms 201 and 203 left on after class' },
  ],
  '6.2.2.1': [
    { zh: '闭馆后未清查滞留人员，二楼阅览室窗户未关', en: 'After closing, nobody checked for people left inside; reading room windows on floor 2 left open' },
  ],
  '6.2.2.4-1': [
    { zh: '二楼社科书库C区书架图书排列混乱', en: 'Books on the floor-2 social science shelves, zone C, out of order' },
  ],
};

/**
 * Requirements that can fail in the sample: their every failure is listed in the manifest. The last is where
 * missed inspections are reported against the logistics office (the basis of standards/school/inspections.yaml).
 */
export const INSPECTIONS_CHECKED = [...Object.keys(FAILURE_NOTES), 'service-process-2025:weekly-site-inspection'];

