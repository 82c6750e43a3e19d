#!/usr/bin/env python3
"""make_sample_data.py: deterministic generator of povlake's sample inbox.

Usage (from anywhere):  python3 sample-data/make_sample_data.py

What it writes, next to this script (the three outputs below are deleted and rewritten
on every run; nothing else is touched):
  inbox/<source>/<extract>_<YYYYMMDD>.<csv|jsonl>[.gz]
                          all 15 extracts of shared/contract/EXTRACTS.md, one delivery as of
                          20181231, one as of 20191231 and one as of 20201231 each (45 files),
                          with deliberate row-level faults and, in 2019/2020, rows whose parent
                          is missing (orphans for silver's referential-integrity checks)
  file-faults/            a second, tiny inbox of files the ingest rejects whole, plus one
                          header-only file that loads with 0 rows
  expected-ingest.json    the exact outcome the ingest must give, computed from what this
                          script injected (it never runs povlake)
  expected-silver.json    what silver must exclude and count (orphans, persons not registered,
                          rows per extract, registry signals) for two scenarios: all 45 files,
                          and only the 2018 and 2019 files; computed from the model
  README.md               what is in the inbox and a table of every deliberate fault

Determinism: Python 3 standard library only. All randomness comes from random.Random seeded
with SEED (below), or with a string derived from SEED and a file name (string seeds are
hashed with SHA-512 by random.seed(), so they do not depend on PYTHONHASHSEED). Sets are only
used for membership tests and are never iterated. gzip output uses mtime=0. Re-running the
script gives byte-identical files. The 2020 delivery is modelled and written after the 2018 and
2019 files, from its own random stream (see model_2020), so adding it left those files as they
were (except one appended row in registry/assistance_20191231.csv, see build_assistance).

Self-check: after writing, the script parses every file again with an independent reader that
implements the contract (encoding detection, RFC 4180 records, typing, ranges, cross-column
rules, IDs, regions, duplicates and conflicting keys) and asserts that the reason codes it finds
for every record equal the injected ones. It also asserts that every valid resident ID passes
the GB 11643 checksum, that read = accepted + quarantined, that every reason code occurs, that
the GB18030 file does not decode as UTF-8, that gzip files decompress (except the deliberately
truncated one), that every accepted spelling occurs in valid rows and that the total size is
< 2 MB. It recomputes expected-silver.json from the rows the reader accepted and asserts that
it equals the one computed from the model, and that the orphans are exactly the annotated rows. Region codes are checked against the division reference, looked up in
../schemas/reference/ or ../../shared/reference/ (skipped with a warning when neither exists).
"""

import datetime as dt
import gzip
import json
import os
import random
import re
import shutil
import sys
import zlib
from decimal import Decimal

SEED = 20191231
HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(SEED)

AS_OF = {2018: dt.date(2018, 12, 31), 2019: dt.date(2019, 12, 31), 2020: dt.date(2020, 12, 31)}

# ---------------------------------------------------------------------------------------------
# 1. The contract, as data (EXTRACTS.md)
# ---------------------------------------------------------------------------------------------

ENUMS = {
    'attribute': [('一般贫困户', 'GENERAL'), ('低保贫困户', 'DIBAO'), ('特困供养贫困户', 'EXTREME_SUPPORT')],
    'status': [('未脱贫', 'POOR'), ('已脱贫', 'EXITED'), ('返贫', 'RETURNED'), ('清退', 'REMOVED'),
               ('自然减少', 'DISSOLVED')],
    'cause': [('因病', 'ILLNESS'), ('因残', 'DISABILITY'), ('因学', 'EDUCATION'), ('因灾', 'DISASTER'),
              ('缺土地', 'LACK_LAND'), ('缺水', 'LACK_WATER'), ('缺技术', 'LACK_SKILL'), ('缺劳力', 'LACK_LABOR'),
              ('缺资金', 'LACK_CAPITAL'), ('交通条件落后', 'POOR_TRANSPORT'), ('自身发展动力不足', 'LOW_MOTIVATION')],
    'relation': [('户主', 'HEAD'), ('配偶', 'SPOUSE'), ('子女', 'CHILD'), ('儿媳女婿', 'CHILD_IN_LAW'),
                 ('孙子女', 'GRANDCHILD'), ('父母', 'PARENT'), ('兄弟姐妹', 'SIBLING'), ('其他', 'OTHER')],
    'sex': [('男', 'M'), ('女', 'F')],
    'education': [('学龄前', 'PRESCHOOL'), ('文盲或半文盲', 'ILLITERATE'), ('小学', 'PRIMARY'), ('初中', 'JUNIOR'),
                  ('高中', 'SENIOR'), ('大专及以上', 'TERTIARY')],
    'health': [('健康', 'HEALTHY'), ('长期慢性病', 'CHRONIC'), ('患有大病', 'SERIOUS'), ('残疾', 'DISABLED')],
    'labor': [('普通劳动力', 'ORDINARY'), ('技能劳动力', 'SKILLED'), ('弱劳动力或半劳动力', 'WEAK'),
              ('丧失劳动力', 'LOST'), ('无劳动力', 'NONE')],
    'measure': [('产业扶持', 'INDUSTRY'), ('小额信贷', 'MICROCREDIT'), ('教育资助', 'EDUCATION_AID'),
                ('医疗救助', 'MEDICAL_AID'), ('危房改造', 'HOUSING_RENOVATION'), ('易地扶贫搬迁', 'RELOCATION'),
                ('就业帮扶', 'EMPLOYMENT'), ('技能培训', 'SKILL_TRAINING'), ('电商帮扶', 'ECOMMERCE'),
                ('生态补偿', 'ECO_COMPENSATION'), ('兜底保障', 'SAFETY_NET')],
    'operator': [('中国移动', 'CMCC'), ('中国电信', 'CT'), ('中国联通', 'CU'), ('广电网络', 'CABLE')],
    'facility': [('县级医院', 'COUNTY_HOSPITAL'), ('乡镇卫生院', 'TOWNSHIP_CENTER'), ('村卫生室', 'VILLAGE_CLINIC')],
    'school': [('小学', 'PRIMARY'), ('初中', 'JUNIOR'), ('九年一贯制', 'NINE_YEAR'), ('高中', 'SENIOR'),
               ('教学点', 'TEACHING_POINT'), ('中职', 'VOCATIONAL')],
    'enrollment': [('在读', 'ENROLLED'), ('辍学', 'DROPPED_OUT'), ('毕业', 'GRADUATED'), ('转出', 'TRANSFERRED'),
                   ('休学', 'SUSPENDED')],
    'course': [('电商培训', 'ECOMMERCE'), ('实用技术', 'PRACTICAL_SKILL'), ('网络技能', 'DIGITAL_SKILL'),
               ('就业技能', 'EMPLOYMENT_SKILL'), ('创业培训', 'ENTREPRENEURSHIP')],
    'point': [('县级电子商务服务中心', 'COUNTY_CENTER'), ('乡镇电子商务服务站', 'TOWNSHIP_STATION'),
              ('村级电子商务服务点', 'VILLAGE_POINT')],
    'platform': [('淘宝', 'TAOBAO'), ('京东', 'JD'), ('苏宁易购', 'SUNING'), ('拼多多', 'PINDUODUO'), ('微店', 'WEIDIAN'),
                 ('网上供销社', 'COOP'), ('其他', 'OTHER')],
    'operator_type': [('贫困户', 'POOR_HOUSEHOLD'), ('农民专业合作社', 'COOPERATIVE'), ('龙头企业', 'LEADING_ENTERPRISE'),
                      ('种养大户', 'LARGE_FARMER'), ('家庭农场', 'FAMILY_FARM'), ('其他', 'OTHER')],
    'link': [('订单收购', 'PURCHASE'), ('务工就业', 'EMPLOYMENT'), ('代销', 'CONSIGNMENT')],
    'direction': [('上行', 'UPWARD'), ('下行', 'DOWNWARD')],
    'category': [('农产品', 'FARM_PRODUCE'), ('手工艺品', 'HANDICRAFT'), ('乡村旅游', 'RURAL_TOURISM'),
                 ('日用消费品', 'CONSUMER_GOODS'), ('农资', 'FARM_INPUTS')],
    'order_status': [('已完成', 'COMPLETED'), ('已退款', 'REFUNDED'), ('已取消', 'CANCELLED')],
}
LABEL = {e: {c: l for l, c in pairs} for e, pairs in ENUMS.items()}          # code -> label
ENUM_LOOKUP = {e: dict([(l, c) for l, c in pairs] + [(c, c) for l, c in pairs]) for e, pairs in ENUMS.items()}


def C(name, typ, req=False, **kw):
    d = dict(name=name, type=typ, req=req)
    d.update(kw)
    return d


SCHEMA = {
    'households': dict(source='registry', kind='snapshot', pk=['household_id'], cols=[
        C('household_id', 'str', True), C('village_code', 'village', True), C('head_id_number', 'id', True),
        C('head_name', 'str', True), C('household_size', 'int', True, min=1, max=20),
        C('poverty_attribute', 'enum:attribute', True),
        C('identification_year', 'int', True, min=2013, max='AS_OF_YEAR'),
        C('status', 'enum:status', True),
        C('exit_year', 'int', min=2014, max='AS_OF_YEAR', min_column='identification_year',
          required_when=('status', ('EXITED', 'RETURNED'))),
        C('primary_cause', 'enum:cause'), C('secondary_causes', 'enum_list:cause'),
        C('per_capita_net_income', 'dec', min='0', max='1000000'),
        C('housing_safe', 'bool'), C('drinking_water_safe', 'bool'), C('has_broadband', 'bool'),
        C('has_smart_terminal', 'bool'), C('helper_cadre_id', 'str')]),
    'members': dict(source='registry', kind='snapshot', pk=['household_id', 'id_number'], cols=[
        C('household_id', 'str', True), C('id_number', 'id', True), C('name', 'str', True),
        C('relation', 'enum:relation', True), C('sex', 'enum:sex', True, matches_id='id_number'),
        C('birth_date', 'date', True, matches_id='id_number', not_after=True),
        C('education', 'enum:education'), C('in_school', 'bool'), C('health', 'enum:health'),
        C('labor_capacity', 'enum:labor'), C('skill_trained', 'bool'), C('medical_insurance', 'bool')]),
    'poor_villages': dict(source='registry', kind='snapshot', pk=['village_code'], cols=[
        C('village_code', 'village', True), C('designated_year', 'int', True, min=2013, max='AS_OF_YEAR'),
        C('exit_year', 'int', min_column='designated_year')]),
    'assistance': dict(source='registry', kind='event', pk=['measure_id'], cols=[
        C('measure_id', 'str', True), C('household_id', 'str', True), C('measure_type', 'enum:measure', True),
        C('start_date', 'date', True, not_after=True), C('amount', 'dec', min='0', max='10000000')]),
    'village_network': dict(source='telecom', kind='snapshot', pk=['village_code', 'operator'], cols=[
        C('village_code', 'village', True), C('operator', 'enum:operator', True),
        C('fiber_broadband', 'bool', True), C('max_broadband_mbps', 'int', min=0, max=100000),
        C('lte_coverage', 'bool', True), C('broadband_households', 'int', min=0, max=100000),
        C('cable_tv_fiber', 'bool')]),
    'insurance_enrollment': dict(source='health', kind='snapshot', pk=['id_number', 'year'], cols=[
        C('id_number', 'id', True), C('year', 'int', True, min=2013, max='AS_OF_YEAR'),
        C('basic_medical', 'bool', True), C('serious_illness', 'bool', True), C('medical_assistance', 'bool')]),
    'inpatient_claims': dict(source='health', kind='event', pk=['claim_id'], cols=[
        C('claim_id', 'str', True), C('id_number', 'id', True), C('facility_code', 'str', True),
        C('admission_date', 'date', True),
        C('discharge_date', 'date', True, min_column='admission_date', not_after=True),
        C('total_cost', 'dec', True, min='0', max='10000000'), C('basic_reimbursed', 'dec', True, min='0'),
        C('serious_reimbursed', 'dec', min='0'), C('assistance_paid', 'dec', min='0'),
        C('one_stop', 'bool', True)],
        checks=[('sum_le', ['basic_reimbursed', 'serious_reimbursed', 'assistance_paid'], 'total_cost')]),
    'facilities': dict(source='health', kind='snapshot', pk=['facility_code'], cols=[
        C('facility_code', 'str', True), C('village_code', 'village', True), C('level', 'enum:facility', True),
        C('telemedicine', 'bool', True)]),
    'schools': dict(source='education', kind='snapshot', pk=['school_code'], cols=[
        C('school_code', 'str', True), C('village_code', 'village', True), C('school_type', 'enum:school', True),
        C('broadband', 'bool', True), C('bandwidth_mbps', 'int', min=0, max=100000),
        C('classrooms', 'int', True, min=0, max=1000),
        C('multimedia_classrooms', 'int', True, min=0, max_column='classrooms'),
        C('students', 'int', min=0, max=100000)]),
    'enrollment': dict(source='education', kind='snapshot', pk=['id_number', 'school_year', 'school_code'], cols=[
        C('id_number', 'id', True), C('school_code', 'str', True), C('school_year', 'int', True),
        C('grade', 'int', min=1, max=12), C('status', 'enum:enrollment', True), C('subsidy', 'dec', min='0')]),
    'training': dict(source='education', kind='event', pk=['training_id'], cols=[
        C('training_id', 'str', True), C('id_number', 'id', True), C('course', 'enum:course', True),
        C('completed_date', 'date', True, not_after=True), C('certified', 'bool', True)]),
    'service_points': dict(source='ecommerce', kind='snapshot', pk=['point_id'], cols=[
        C('point_id', 'str', True), C('level', 'enum:point', True),
        C('region_code', 'region', True, level_by=('level', {'COUNTY_CENTER': 'county',
                                                             'TOWNSHIP_STATION': 'township',
                                                             'VILLAGE_POINT': 'village'})),
        C('opened_date', 'date', True), C('closed_date', 'date', min_column='opened_date')]),
    'shops': dict(source='ecommerce', kind='snapshot', pk=['shop_id'], cols=[
        C('shop_id', 'str', True), C('platform', 'enum:platform', True), C('village_code', 'village', True),
        C('operator_type', 'enum:operator_type', True), C('operator_household_id', 'str'),
        C('opened_date', 'date', True)]),
    'shop_household_links': dict(source='ecommerce', kind='snapshot', pk=['shop_id', 'household_id'], cols=[
        C('shop_id', 'str', True), C('household_id', 'str', True), C('link_type', 'enum:link', True),
        C('since_date', 'date', True)]),
    'orders': dict(source='ecommerce', kind='event', pk=['order_id'], cols=[
        C('order_id', 'str', True), C('shop_id', 'str', True), C('order_time', 'ts', True, not_after=True),
        C('direction', 'enum:direction', True), C('category', 'enum:category', True),
        C('amount', 'dec', True, min='0', max='10000000'), C('quantity', 'int', min=0),
        C('status', 'enum:order_status', True)]),
}
COLS = {e: [c['name'] for c in s['cols']] for e, s in SCHEMA.items()}
EXTRACT_ORDER = ['households', 'members', 'poor_villages', 'assistance', 'village_network',
                 'insurance_enrollment', 'inpatient_claims', 'facilities', 'schools', 'enrollment', 'training',
                 'service_points', 'shops', 'shop_household_links', 'orders']
NULL_TOKENS = ['', 'NULL', 'null', 'N/A', '/', '-', '—', '无']
TRUE_FORMS = ['是', '1', 'true', 'Y', 'TRUE', 'y']
FALSE_FORMS = ['否', '0', 'false', 'N']
REASONS = ['MISSING_REQUIRED', 'BAD_TYPE', 'BAD_NUMBER', 'BAD_DATE', 'BAD_ENUM', 'OUT_OF_RANGE', 'BAD_ID_NUMBER',
           'ID_MISMATCH', 'UNKNOWN_REGION', 'FUTURE_DATE', 'DUPLICATE_ROW', 'CONFLICTING_KEY', 'BAD_ENCODING',
           'BAD_RECORD']
FILE_REASONS = ['BAD_LOCATION', 'UNKNOWN_SOURCE', 'UNKNOWN_EXTRACT', 'BAD_FILE_NAME', 'WRONG_SOURCE',
                'MISSING_REQUIRED_COLUMN', 'DUPLICATE_HEADER', 'UNREADABLE', 'NO_HEADER']

# ---------------------------------------------------------------------------------------------
# 2. Divisions used (real codes from shared/reference/gansu_*.csv, NBS 2023 vintage)
# ---------------------------------------------------------------------------------------------

COUNTIES = [('621121', '通渭县', '6211', '定西市'), ('621123', '渭源县', '6211', '定西市'),
            ('621223', '宕昌县', '6212', '陇南市')]
COUNTY_NAME = {c: n for c, n, _, _ in COUNTIES}
TOWNSHIPS = {  # county -> [county seat, township 1, township 2]
    '621121': [('621121100', '平襄镇'), ('621121101', '马营镇'), ('621121103', '榜罗镇')],
    '621123': [('621123100', '清源镇'), ('621123101', '莲峰镇'), ('621123103', '五竹镇')],
    '621223': [('621223100', '城关镇'), ('621223101', '哈达铺镇'), ('621223206', '木耳乡')],
}
ADMIN_VILLAGES = [  # (code, name): 村民委员会, digits 10-12 in 200-399
    ('621121101202', '马营村民委员会'), ('621121101205', '吕阳村民委员会'),
    ('621121103203', '孟川村民委员会'), ('621121103206', '积麻村民委员会'),
    ('621123101204', '幸福村民委员会'), ('621123101207', '首阳村民委员会'),
    ('621123103202', '郭家沟村民委员会'), ('621123103204', '五竹村民委员会'),
    ('621223101201', '下街村村民委员会'), ('621223101206', '王家村村民委员会'),
    ('621223206200', '木耳村村民委员会'), ('621223206202', '瓦拉子村村民委员会'),
]
COMMUNITIES = {  # county seat 居委会/社区 (village level, digits 10-12 in 001-199)
    '621121': ('621121100001', '东城区居民委员会'),
    '621123': ('621123100001', '清源社区'),
    '621223': ('621223100002', '下坝社区居民委员会'),
}
VILLAGE_NAME = dict(ADMIN_VILLAGES)
VILLAGE_NAME.update({c: n for c, n in COMMUNITIES.values()})
ALL_VILLAGES = [c for c, _ in ADMIN_VILLAGES] + [COMMUNITIES[c][0] for c, _, _, _ in COUNTIES]


def county_of(code):
    return code[:6]


def township_of(code):
    return code[:9]


# ---------------------------------------------------------------------------------------------
# 3. Small helpers: resident IDs, names, dates, money
# ---------------------------------------------------------------------------------------------

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def check_char(body17):
    return '10X98765432'[sum(int(c) * w for c, w in zip(body17, ID_WEIGHTS)) % 11]


def id_valid(s):
    return (len(s) == 18 and s[:17].isdigit() and s[:17].isascii() and s[17] in '0123456789Xx'
            and check_char(s[:17]) == s[17].upper())


USED_IDS = set()
ALL_VALID_IDS = []


def make_id(county, birth, sex, want_x=False):
    while True:
        seq = R.randrange(5, 500) * 2 + (1 if sex == 'M' else 0)
        body = f'{county}{birth:%Y%m%d}{seq:03d}'
        cc = check_char(body)
        if want_x and cc != 'X':
            continue
        if not want_x and cc == 'X' and R.random() < 0.5:
            continue
        idn = body + cc
        if idn in USED_IDS:
            continue
        USED_IDS.add(idn)
        ALL_VALID_IDS.append(idn)
        return idn


SURNAMES = list('王李张刘陈杨赵马牛何魏苟汪石冯郭任康景包')
M_CHARS = list('建国军平明强文武海斌忠福贵成兵宏伟刚林华彦喜生荣')
F_CHARS = list('秀英兰芳霞梅琴玲红花娟燕丽萍翠凤莲桂珍')
KID_M = list('浩宇轩涛博俊杰鹏子豪')
KID_F = list('欣怡佳雨婷诗梦萱悦琳')


def make_name(sex, birth_year, surname=None):
    s = surname or R.choice(SURNAMES)
    pool = (KID_M if sex == 'M' else KID_F) if birth_year >= 2000 else (M_CHARS if sex == 'M' else F_CHARS)
    return s + ''.join(R.choice(pool) for _ in range(R.choice([1, 2, 2])))


def rand_date(y0, y1=None):
    """A random date in years y0..y1 (inclusive)."""
    y1 = y1 or y0
    a, b = dt.date(y0, 1, 1), dt.date(y1, 12, 31)
    return a + dt.timedelta(days=R.randrange((b - a).days + 1))


def age_on(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def money(cents):
    return f'{cents // 100}.{cents % 100:02d}'


def yuan(lo, hi, step=1):
    """Random amount lo..hi yuan, as cents, rounded to `step` yuan."""
    return R.randrange(lo // step, hi // step + 1) * step * 100


# ---------------------------------------------------------------------------------------------
# 4. The model: households and members for 2018 and 2019 (2020: section 8b), then everything that hangs off them
# ---------------------------------------------------------------------------------------------

MATCHED = {'ILLNESS': ['MEDICAL_AID'], 'DISABILITY': ['SAFETY_NET', 'MEDICAL_AID'],
           'EDUCATION': ['EDUCATION_AID'], 'DISASTER': ['HOUSING_RENOVATION', 'SAFETY_NET'],
           'LACK_LAND': ['INDUSTRY', 'RELOCATION'], 'LACK_WATER': ['RELOCATION', 'INDUSTRY'],
           'LACK_SKILL': ['SKILL_TRAINING', 'EMPLOYMENT'], 'LACK_LABOR': ['SAFETY_NET', 'EMPLOYMENT'],
           'LACK_CAPITAL': ['MICROCREDIT', 'INDUSTRY'], 'POOR_TRANSPORT': ['RELOCATION', 'INDUSTRY'],
           'LOW_MOTIVATION': ['EMPLOYMENT', 'SKILL_TRAINING']}


def adult_edu(by):
    if by < 1950:
        return R.choice(['ILLITERATE', 'ILLITERATE', 'ILLITERATE', 'PRIMARY'])
    if by < 1965:
        return R.choice(['ILLITERATE', 'PRIMARY', 'PRIMARY', 'JUNIOR'])
    if by < 1980:
        return R.choice(['PRIMARY', 'JUNIOR', 'JUNIOR', 'SENIOR'])
    return R.choice(['JUNIOR', 'SENIOR', 'SENIOR', 'JUNIOR', 'TERTIARY'])


def new_person(county, rel, sex, birth, surname=None, want_x=False):
    return dict(id=make_id(county, birth, sex, want_x), name=make_name(sex, birth.year, surname), rel=rel,
                sex=sex, birth=birth, edu=adult_edu(birth.year), health='HEALTHY', skill=False,
                reg_ins={2018: True, 2019: True}, plan={}, county=county)


def born(age_lo, age_hi, ref_year=2018):
    return rand_date(ref_year - age_hi, ref_year - age_lo)


def make_members(county, profile):
    sur = R.choice(SURNAMES)
    ms = []
    if profile == 'nuclear':
        hb = born(32, 47)
        ms.append(new_person(county, 'HEAD', 'M', hb, sur))
        ms.append(new_person(county, 'SPOUSE', 'F', born(30, 46)))
        for _ in range(R.choice([1, 2, 2, 3])):
            ms.append(new_person(county, 'CHILD', R.choice('MF'), born(1, 17), sur))
    elif profile == 'three_gen':
        ms.append(new_person(county, 'HEAD', 'M', born(36, 50), sur))
        ms.append(new_person(county, 'SPOUSE', 'F', born(34, 48)))
        for _ in range(R.choice([1, 2])):
            ms.append(new_person(county, 'CHILD', R.choice('MF'), born(3, 16), sur))
        ms.append(new_person(county, 'PARENT', 'F', born(66, 82)))
        if R.random() < 0.4:
            ms.append(new_person(county, 'PARENT', 'M', born(68, 84), sur))
    elif profile == 'elderly_couple':
        ms.append(new_person(county, 'HEAD', 'M', born(63, 78), sur))
        ms.append(new_person(county, 'SPOUSE', 'F', born(60, 76)))
    elif profile == 'grand':
        ms.append(new_person(county, 'HEAD', 'M', born(56, 66), sur))
        ms.append(new_person(county, 'SPOUSE', 'F', born(54, 64)))
        ms.append(new_person(county, 'CHILD', 'M', born(28, 36), sur))
        ms.append(new_person(county, 'CHILD_IN_LAW', 'F', born(26, 34)))
        for _ in range(R.choice([1, 2])):
            ms.append(new_person(county, 'GRANDCHILD', R.choice('MF'), born(1, 12), sur))
    elif profile == 'single_parent':
        ms.append(new_person(county, 'HEAD', 'F', born(34, 45)))
        for _ in range(2):
            ms.append(new_person(county, 'CHILD', R.choice('MF'), born(4, 16)))
    elif profile == 'single_elderly':
        ms.append(new_person(county, 'HEAD', R.choice('MF'), born(70, 86), sur))
    return ms


PROFILE_CAUSES = {
    'nuclear': ['EDUCATION', 'LACK_CAPITAL', 'LACK_SKILL', 'LACK_LAND', 'POOR_TRANSPORT', 'LACK_WATER'],
    'three_gen': ['ILLNESS', 'LACK_CAPITAL', 'LACK_SKILL', 'DISASTER'],
    'elderly_couple': ['ILLNESS', 'LACK_LABOR'],
    'grand': ['LACK_LAND', 'LACK_WATER', 'POOR_TRANSPORT', 'LACK_SKILL', 'LOW_MOTIVATION'],
    'single_parent': ['LACK_LABOR', 'DISABILITY'],
    'single_elderly': ['LACK_LABOR', 'ILLNESS'],
}
PROFILES = ['nuclear', 'three_gen', 'grand', 'elderly_couple', 'nuclear', 'single_parent', 'three_gen',
            'nuclear', 'single_elderly', 'grand', 'nuclear', 'three_gen']

CADRES = []
for _cty, _n, _, _ in COUNTIES:
    for _ in range(4):
        _sex = R.choice('MMF')
        _b = rand_date(1966, 1992)
        CADRES.append(dict(id=make_id(_cty, _b, _sex), county=_cty))


def make_household(vcode, seq, profile):
    county = county_of(vcode)
    ms = make_members(county, profile)
    cause = R.choice(PROFILE_CAUSES[profile])
    if cause == 'ILLNESS':
        sick = [m for m in ms if m['rel'] in ('HEAD', 'SPOUSE', 'PARENT')]
        R.choice(sick)['health'] = R.choice(['SERIOUS', 'CHRONIC', 'SERIOUS'])
    elif cause == 'DISABILITY':
        R.choice(ms)['health'] = 'DISABLED'
    for m in ms:
        if m['health'] == 'HEALTHY' and m['birth'].year < 1950 and R.random() < 0.5:
            m['health'] = 'CHRONIC'
        if 1960 <= m['birth'].year <= 2000 and R.random() < 0.3:
            m['skill'] = True
    sec = [c for c in R.sample([c for _, c in ENUMS['cause']], 3) if c != cause][:R.choice([0, 0, 1, 2])]
    if profile == 'single_elderly':
        attr = R.choice(['EXTREME_SUPPORT', 'DIBAO'])
    elif cause in ('ILLNESS', 'DISABILITY', 'LACK_LABOR'):
        attr = R.choice(['DIBAO', 'GENERAL'])
    else:
        attr = 'GENERAL'
    ident = R.choice([2013, 2014, 2014, 2014, 2014, 2015, 2015, 2016, 2017, 2018])
    hh = dict(id=f'{vcode}{seq:04d}', village={2018: vcode, 2019: vcode}, profile=profile, members=ms,
              members_by_year={}, attr=attr, ident=ident, cause=cause, secondary=sec, status={}, exit={},
              income={}, housing={}, water={}, broadband={}, terminal={}, helper={}, size_extra={2018: 0, 2019: 0},
              county=county)
    cadres = [c for c in CADRES if c['county'] == county]
    hh['cadre'] = R.choice(cadres)['id']
    return hh


HOUSEHOLDS = []
for vi, (vcode, vname) in enumerate(ADMIN_VILLAGES):
    for k in range(4):
        HOUSEHOLDS.append(make_household(vcode, k + 1, PROFILES[(vi * 4 + k) % len(PROFILES)]))

# make sure every cause family used by the metrics occurs at least once
_sp = next(h for h in HOUSEHOLDS if h['profile'] == 'single_parent')
_sp.update(cause='DISABILITY', attr='DIBAO')
_sp['members'][0]['health'] = 'DISABLED'
next(h for h in HOUSEHOLDS if h['profile'] == 'grand' and h['cause'] != 'LACK_WATER')['cause'] = 'LOW_MOTIVATION'

# 一人多户 (one person registered in two households): the daughter of an elderly couple, still
# listed at home, also listed as the wife in her husband's household in the same village.
_donor = next(h for h in HOUSEHOLDS if h['profile'] == 'elderly_couple')
_daughter = new_person(_donor['county'], 'CHILD', 'F', dt.date(1994, 7, 19), _donor['members'][0]['name'][0])
_donor['members'].append(_daughter)
_young = dict(make_household(_donor['village'][2018], 5, 'nuclear'))
_yh = new_person(_young['county'], 'HEAD', 'M', dt.date(1991, 2, 11))
_baby = new_person(_young['county'], 'CHILD', 'F', dt.date(2017, 10, 3), _yh['name'][0])
_young['members'] = [_yh, dict(_daughter, rel='SPOUSE'), _baby]
_young.update(ident=2018, cause='LACK_CAPITAL', secondary=[], attr='GENERAL')
HOUSEHOLDS.append(_young)
# one more household so the 2018 snapshot has 50
HOUSEHOLDS.append(make_household(ADMIN_VILLAGES[6][0], 5, 'grand'))

# 2018 statuses: about a third exited already
for h in HOUSEHOLDS:
    if h['profile'] != 'single_elderly' and h['ident'] <= 2016 and R.random() < 0.36:
        h['status'][2018] = 'EXITED'
        h['exit'][2018] = R.randint(h['ident'] + 1, 2018)
    else:
        h['status'][2018] = 'POOR'
        h['exit'][2018] = None


def pick(pred, exclude):
    for h in HOUSEHOLDS:
        if pred(h) and h['id'] not in exclude:
            exclude.add(h['id'])
            return h
    raise AssertionError('no household fits a role')


ROLE = {}
_taken = set()
_taken.add(_young['id'])
_taken.add(_donor['id'])
ROLE['returned'] = pick(lambda h: h['status'][2018] == 'EXITED' and h['ident'] <= 2016
                        and h['profile'] in ('three_gen', 'nuclear'), _taken)
ROLE['returned']['exit'][2018] = 2017
ROLE['removed'] = pick(lambda h: h['status'][2018] == 'POOR' and h['profile'] == 'nuclear', _taken)
ROLE['dissolved'] = pick(lambda h: h['status'][2018] == 'POOR' and h['profile'] == 'single_elderly', _taken)
ROLE['relocated'] = pick(lambda h: h['status'][2018] == 'POOR' and h['county'] == '621121'
                         and h['profile'] in ('grand', 'nuclear'), _taken)
ROLE['relocated']['cause'] = 'LACK_WATER'
ROLE['overdue'] = pick(lambda h: h['status'][2018] == 'POOR' and h['profile'] in ('nuclear', 'grand'), _taken)
ROLE['newborn'] = pick(lambda h: h['status'][2018] == 'POOR' and h['profile'] == 'nuclear'
                       and h['members'][1]['birth'].year >= 1980, _taken)
EXIT_2019 = []
for h in HOUSEHOLDS:
    if (h['status'][2018] == 'POOR' and h['id'] not in _taken and h['profile'] != 'single_elderly'
            and len(EXIT_2019) < 10):
        EXIT_2019.append(h)
        _taken.add(h['id'])
EXIT_IDS = {h['id'] for h in EXIT_2019}
ROLE['exit_fail'] = EXIT_2019[3]          # exits in 2019 but a member has no insurance row for 2019

for h in HOUSEHOLDS:
    h['status'][2019], h['exit'][2019] = h['status'][2018], h['exit'][2018]
for h in EXIT_2019:
    h['status'][2019], h['exit'][2019] = 'EXITED', 2019
ROLE['returned']['status'][2019] = 'RETURNED'             # exit_year stays 2017 (required for RETURNED)
ROLE['removed']['status'][2019] = 'REMOVED'
ROLE['dissolved']['status'][2019] = 'DISSOLVED'
ROLE['relocated']['village'][2019] = COMMUNITIES['621121'][0]   # 易地扶贫搬迁 into the county seat
# the returned household: the head falls seriously ill in 2019
ROLE['returned']['members'][0]['health'] = 'SERIOUS'
ROLE['returned']['cause'] = 'ILLNESS'

# two households identified in 2019
NEW_2019 = [make_household(ADMIN_VILLAGES[9][0], 5, 'three_gen'), make_household(ADMIN_VILLAGES[3][0], 5, 'nuclear')]
for h in NEW_2019:
    h['ident'] = 2019
    h['status'] = {2019: 'POOR'}
    h['exit'] = {2019: None}
# a baby born in 2019 in the newborn household
_nb = ROLE['newborn']
_nb_baby = new_person(_nb['county'], 'CHILD', 'M', dt.date(2019, 3, 14), _nb['members'][0]['name'][0])

for h in HOUSEHOLDS:
    h['members_by_year'][2018] = list(h['members'])
    ms19 = list(h['members'])
    if h is ROLE['dissolved']:
        ms19 = []                                              # the only member died in 2019
    if h is _nb:
        ms19.append(_nb_baby)
    h['members_by_year'][2019] = ms19
for h in NEW_2019:
    h['members_by_year'] = {2019: list(h['members'])}
ROLE['overdue']['size_extra'][2019] = 1                        # declared size disagrees with member rows

HH_BY_YEAR = {2018: list(HOUSEHOLDS), 2019: HOUSEHOLDS[:30] + [NEW_2019[0]] + HOUSEHOLDS[30:] + [NEW_2019[1]]}

# incomes, living conditions, helpers
for h in HOUSEHOLDS + NEW_2019:
    for y in (2018, 2019):
        st = h['status'].get(y)
        if st is None:
            continue
        if st in ('EXITED', 'REMOVED') and not (y == 2019 and h['id'] in EXIT_IDS):
            inc = yuan(4300, 9800) + R.randrange(100)
        elif y == 2019 and h['id'] in EXIT_IDS:
            inc = yuan(3700, 6900) + R.randrange(100)
        elif st == 'RETURNED':
            inc = yuan(2300, 2900) + R.randrange(100)
        else:
            inc = yuan(1900, 3300) + R.randrange(100)
        if y == 2019 and h is ROLE['overdue']:
            inc = 687050
        if h is ROLE['removed']:
            inc = yuan(11000, 15000)
        h['income'][y] = inc
        good = st in ('EXITED', 'REMOVED') or (y == 2019 and h['id'] in EXIT_IDS)
        h['housing'][y] = True if good else (R.random() < (0.6 if y == 2018 else 0.8))
        h['water'][y] = True if good else (R.random() < (0.7 if y == 2018 else 0.85))
        h['broadband'][y] = R.random() < (0.4 if y == 2018 else 0.65)
        h['terminal'][y] = R.random() < (0.3 if y == 2018 else 0.55)
        h['helper'][y] = h['cadre'] if R.random() < (0.85 if y == 2018 else 0.93) else None
    if 2018 in h['broadband'] and h['broadband'][2018]:
        h['broadband'][2019] = True
for h in EXIT_2019 + [ROLE['exit_fail']]:
    h['housing'][2019] = h['water'][2019] = True
for h in EXIT_2019[:2]:
    h['helper'][2019] = None                                  # fine for exited households
ROLE['returned']['helper'][2019] = ROLE['returned']['cadre']


def members_of(h, y):
    return h['members_by_year'].get(y, [])


def education_in(m, y):
    a = age_on(m['birth'], dt.date(y, 8, 31))
    if a < 6:
        return 'PRESCHOOL'
    if a <= 11:
        return 'PRIMARY'
    if a <= 14:
        return 'JUNIOR'
    if a <= 17:
        return 'JUNIOR'
    return m['edu']


# school plans: default ENROLLED for ages 6-15, 16-17 sometimes
def plan_of(m, y):
    if y in m['plan']:
        return m['plan'][y]
    a = age_on(m['birth'], dt.date(y, 8, 31))
    if 6 <= a <= 15:
        return 'ENROLLED'
    if 16 <= a <= 17:
        if 'senior' not in m:
            m['senior'] = R.choice(['ENROLLED', 'ENROLLED', 'NONE'])
        return m['senior']
    return 'NONE'


def kids(hs, y, lo, hi):
    for h in hs:
        for m in members_of(h, y):
            if lo <= age_on(m['birth'], dt.date(y, 8, 31)) <= hi:
                yield h, m


_special = set()


def pick_kid(y, lo, hi, pred=lambda h: True, statuses=('POOR',)):
    for h, m in kids(HOUSEHOLDS, y, lo, hi):
        if h['status'].get(y) in statuses and pred(h) and m['id'] not in _special \
                and h['id'] not in EXIT_IDS and h is not ROLE['relocated']:
            _special.add(m['id'])
            return h, m
    raise AssertionError('no kid fits')


KID_ROLES = {}
KID_ROLES['never'] = pick_kid(2018, 8, 12)                     # not enrolled 2018, 2019 (and 2020)
KID_ROLES['never'][1]['plan'].update({2018: 'NONE', 2019: 'NONE'})
KID_ROLES['back'] = pick_kid(2018, 6, 10)                      # not enrolled 2018, back at school 2019
KID_ROLES['back'][1]['plan'].update({2018: 'NONE', 2019: 'ENROLLED'})
KID_ROLES['dropout'] = pick_kid(2019, 13, 15)                  # 辍学 in 2019
KID_ROLES['dropout'][1]['plan'].update({2018: 'ENROLLED', 2019: 'DROPPED_OUT'})
KID_ROLES['suspended'] = pick_kid(2018, 7, 13)                 # 休学 2018 (illness), back 2019
KID_ROLES['suspended'][1]['plan'].update({2018: 'SUSPENDED', 2019: 'ENROLLED'})
KID_ROLES['suspended'][1]['health'] = 'CHRONIC'
KID_ROLES['transfer'] = pick_kid(2019, 8, 11)                  # transferred during school year 2019
KID_ROLES['transfer'][1]['plan'].update({2019: 'TRANSFER'})


def in_school(m, y):
    return plan_of(m, y) in ('ENROLLED', 'TRANSFER', 'SUSPENDED')


def labor_of(m, y):
    a = age_on(m['birth'], dt.date(y, 8, 31))
    if a < 16 or (a < 18 and in_school(m, y)):
        return 'NONE'
    if m['health'] == 'SERIOUS':
        return 'LOST' if a >= 50 else 'WEAK'
    if m['health'] in ('DISABLED', 'CHRONIC'):
        return 'WEAK' if a < 70 else 'LOST'
    if a >= 70:
        return 'LOST'
    if a >= 60:
        return 'WEAK'
    return 'SKILLED' if m['skill'] else 'ORDINARY'


# the one valid ID whose check character is X (written with a lower-case x in members 2019)
_xm = next(m for h in HOUSEHOLDS if h['status'][2018] == 'POOR' for m in members_of(h, 2019)
           if m['rel'] == 'SPOUSE' and m['id'] != _daughter['id'])
_old = _xm['id']
_xm['id'] = make_id(_old[:6], _xm['birth'], _xm['sex'], want_x=True)
ALL_VALID_IDS.remove(_old)
ROLE['x_member'] = _xm


# insurance: who is not in the health commission's list, or not basic-insured
def _all_members(y):
    seen, out = set(), []
    for h in HH_BY_YEAR[y]:
        for m in members_of(h, y):
            if m['id'] not in seen:
                seen.add(m['id'])
                out.append((h, m))
    return out


UNINSURED = {2018: [], 2019: []}      # no row at all
BASIC_NO = {2018: [], 2019: []}       # row with basic_medical = false
_adults18 = [(h, m) for h, m in _all_members(2018) if 18 <= age_on(m['birth'], AS_OF[2018]) <= 40
             and h['status'][2018] == 'POOR' and h['id'] not in EXIT_IDS]
UNINSURED[2018] = [_adults18[0][1], _adults18[4][1]]
BASIC_NO[2018] = [_adults18[7][1]]
_fail_member = next(m for m in members_of(ROLE['exit_fail'], 2019) if m['rel'] != 'HEAD')
UNINSURED[2019] = [_fail_member, _adults18[4][1]]
BASIC_NO[2019] = [_adults18[9][1]]
# the registry's own flag: mostly agrees, a few disagreements in both directions
_adults18[0][1]['reg_ins'][2018] = True             # registry says insured, health has no row
_adults18[4][1]['reg_ins'].update({2018: False, 2019: True})
_adults18[11][1]['reg_ins'].update({2018: False, 2019: False})   # insured, registry says not
_fail_member['reg_ins'][2019] = True

# ---------------------------------------------------------------------------------------------
# 5. Other entities
# ---------------------------------------------------------------------------------------------

# poor villages: (code, designated_year, exit_year as of 2018, exit_year as of 2019)
POOR_VILLAGES = [('621121101202', 2014, 2018, 2018), ('621121103203', 2014, None, None),
                 ('621121103206', 2014, None, 2019), ('621123103202', 2015, None, 2019),
                 ('621223101206', 2016, 2017, 2017), ('621223206200', 2014, None, 2019),
                 ('621223206202', 2014, None, None)]


# network: per village a set of operators; 2019 upgrades
def make_network():
    rows = {2018: [], 2019: []}
    for i, v in enumerate(ALL_VILLAGES):
        poor = any(v == p[0] for p in POOR_VILLAGES)
        ops = ['CMCC'] + [o for o, p in (('CT', 0.7), ('CU', 0.5), ('CABLE', 0.6)) if R.random() < p]
        if i in (0, 4, 8):
            ops = ['CMCC', 'CT', 'CU', 'CABLE']
        for o in ops:
            fib18 = R.random() < (0.45 if poor else 0.7) and o != 'CU'
            mb18 = R.choice([20, 50, 100]) if fib18 else None
            lte18 = o in ('CMCC', 'CT', 'CU') and not (i == 10 and o == 'CMCC') and R.random() < 0.9
            hh18 = R.randrange(15, 160) if fib18 else None
            catv18 = (o == 'CABLE' and R.random() < 0.6) or None if o == 'CABLE' else None
            fib19 = fib18 or (o != 'CU' and R.random() < 0.75) or (o == 'CT')
            mb19 = (max(mb18 or 0, R.choice([50, 100, 100, 200, 1000]))) if fib19 else None
            if i == 6 and o == 'CMCC' and fib19:
                mb19 = 30                                      # fiber, but below 50 Mbps
            lte19 = o in ('CMCC', 'CT', 'CU')
            hh19 = ((hh18 or 0) + R.randrange(5, 60)) if fib19 else None
            catv19 = (o == 'CABLE') if o == 'CABLE' else None
            if o != 'CABLE' and R.random() < 0.3:
                catv18, catv19 = False, False
            rows[2018].append(dict(village_code=v, operator=o, fiber_broadband=fib18, max_broadband_mbps=mb18,
                                   lte_coverage=lte18, broadband_households=hh18, cable_tv_fiber=catv18))
            rows[2019].append(dict(village_code=v, operator=o, fiber_broadband=fib19, max_broadband_mbps=mb19,
                                   lte_coverage=lte19, broadband_households=hh19, cable_tv_fiber=catv19))
    return rows


NETWORK = make_network()

# facilities
FACILITIES = []   # (code, village, level, telemedicine 2018, telemedicine 2019)
for cty, cname, _, _ in COUNTIES:
    com = COMMUNITIES[cty][0]
    FACILITIES.append((f'H{cty}01', com, 'COUNTY_HOSPITAL', True, True))
    if cty == '621121':
        FACILITIES.append((f'H{cty}02', com, 'COUNTY_HOSPITAL', False, True))   # 中医医院: telemedicine 2019
    for t, tn in TOWNSHIPS[cty][1:]:
        tv = next(v for v, _ in ADMIN_VILLAGES if v.startswith(t))
        FACILITIES.append((f'T{t}', tv, 'TOWNSHIP_CENTER', R.random() < 0.5, True))
for v, _ in ADMIN_VILLAGES[::2]:
    FACILITIES.append((f'V{v}', v, 'VILLAGE_CLINIC', False, R.random() < 0.3))

# schools
SCHOOLS = []      # dict(code, village, type, grades)
for ci, (cty, cname, _, _) in enumerate(COUNTIES):
    com = COMMUNITIES[cty][0]
    (t0, _), (t1, _), (t2, _) = TOWNSHIPS[cty]
    v1 = [v for v, _ in ADMIN_VILLAGES if v.startswith(t1)]
    v2 = [v for v, _ in ADMIN_VILLAGES if v.startswith(t2)]
    SCHOOLS += [dict(code=f'2{cty}001', village=com, type='SENIOR', grades=(10, 12), town=t0),
                dict(code=f'2{cty}002', village=com, type='PRIMARY', grades=(1, 6), town=t0),
                dict(code=f'2{cty}011', village=v1[0], type='PRIMARY', grades=(1, 6), town=t1),
                dict(code=f'2{cty}012', village=v1[1], type='JUNIOR', grades=(7, 9), town=t1),
                dict(code=f'2{cty}021', village=v2[0], type='NINE_YEAR', grades=(1, 9), town=t2),
                dict(code=f'2{cty}022', village=v2[1], type='TEACHING_POINT', grades=(1, 3), town=t2)]
    if ci == 1:
        SCHOOLS.append(dict(code=f'2{cty}003', village=com, type='VOCATIONAL', grades=(10, 12), town=t0))
for s in SCHOOLS:
    base = {'SENIOR': 48, 'PRIMARY': 18, 'JUNIOR': 24, 'NINE_YEAR': 27, 'TEACHING_POINT': 3, 'VOCATIONAL': 30}[s['type']]
    s['classrooms'] = base + R.randrange(0, 6)
    s['students'] = s['classrooms'] * R.randrange(22, 41) if s['type'] != 'TEACHING_POINT' else R.randrange(12, 30)
    s['mm'] = {2018: R.randrange(s['classrooms'] // 3, s['classrooms'] + 1)}
    s['mm'][2019] = min(s['classrooms'], s['mm'][2018] + R.randrange(2, 10))
    tp = s['type'] == 'TEACHING_POINT'
    s['broadband'] = {2018: not tp, 2019: not (tp and s['code'].startswith('2621223'))}
    s['bw'] = {y: (R.choice([20, 50, 100]) if s['broadband'][y] else None) for y in (2018, 2019)}
    if s['broadband'][2019]:
        s['bw'][2019] = max(s['bw'][2019] or 0, R.choice([50, 100, 200]))


def school_for(h, y, grade, alt=False):
    vill = h['village'][y]
    cty, town = county_of(vill), township_of(vill)
    cands = [s for s in SCHOOLS if county_of(s['village']) == cty and s['grades'][0] <= grade <= s['grades'][1]]
    if grade >= 10:
        want = 'VOCATIONAL' if alt else 'SENIOR'
        return next((s for s in cands if s['type'] == want), cands[0])
    local = [s for s in cands if s['town'] == town and s['type'] != 'TEACHING_POINT']
    if town == TOWNSHIPS[cty][0][0] and grade >= 7:        # county seat: junior grades in township 1
        local = [s for s in cands if s['town'] == TOWNSHIPS[cty][1][0]]
    if alt:
        others = [s for s in cands if s not in local[:1] and s['type'] != 'TEACHING_POINT']
        return others[0]
    if grade <= 3 and vill == next((s['village'] for s in cands if s['type'] == 'TEACHING_POINT'), None):
        return next(s for s in cands if s['type'] == 'TEACHING_POINT')
    return local[0]


# service points: (point_id, level, region, opened, closed as of 2018, closed as of 2019, in 2018?)
SERVICE_POINTS = [
    ('ECS-621121', 'COUNTY_CENTER', '621121', dt.date(2016, 8, 1), None, None, True),
    ('ECS-621123', 'COUNTY_CENTER', '621123', dt.date(2017, 3, 15), None, None, True),
    ('ECS-621223', 'COUNTY_CENTER', '621223', dt.date(2019, 4, 20), None, None, False),
    ('ECS-621121101', 'TOWNSHIP_STATION', '621121101', dt.date(2016, 11, 5), None, None, True),
    ('ECS-621121103', 'TOWNSHIP_STATION', '621121103', dt.date(2017, 6, 18), None, None, True),
    ('ECS-621123101', 'TOWNSHIP_STATION', '621123101', dt.date(2017, 9, 9), None, None, True),
    ('ECS-621123103', 'TOWNSHIP_STATION', '621123103', dt.date(2019, 3, 1), None, None, False),
    ('ECS-621223101', 'TOWNSHIP_STATION', '621223101', dt.date(2018, 5, 12), None, None, True),
    ('ECS-621223206', 'TOWNSHIP_STATION', '621223206', dt.date(2019, 7, 1), None, None, False),
    ('ECS-621121101202', 'VILLAGE_POINT', '621121101202', dt.date(2017, 4, 1), None, None, True),
    ('ECS-621121103203', 'VILLAGE_POINT', '621121103203', dt.date(2017, 10, 10), None, None, True),
    ('ECS-621121103206', 'VILLAGE_POINT', '621121103206', dt.date(2018, 3, 20), None, dt.date(2019, 6, 30), True),
    ('ECS-621123101204', 'VILLAGE_POINT', '621123101204', dt.date(2018, 1, 8), None, None, True),
    ('ECS-621123103202', 'VILLAGE_POINT', '621123103202', dt.date(2019, 5, 16), None, None, False),
    ('ECS-621223101201', 'VILLAGE_POINT', '621223101201', dt.date(2018, 6, 6), None, None, True),
    ('ECS-621223206200', 'VILLAGE_POINT', '621223206200', dt.date(2019, 8, 8), None, None, False),
    ('ECS-621223206202', 'VILLAGE_POINT', '621223206202', dt.date(2020, 3, 1), None, None, False),  # planned
]

# shops
_poor_shop_hh = next(h for h in HOUSEHOLDS if h['village'][2018] == '621121103203' and h['status'][2018] == 'POOR')
SHOPS = [  # (shop_id, platform, village, operator_type, operator_household_id, opened, in 2018?)
    ('SHOP0001', 'TAOBAO', '621121101202', 'COOPERATIVE', None, dt.date(2016, 5, 10), True),
    ('SHOP0002', 'PINDUODUO', '621121103203', 'POOR_HOUSEHOLD', _poor_shop_hh['id'], dt.date(2017, 9, 1), True),
    ('SHOP0003', 'JD', '621123101204', 'LEADING_ENTERPRISE', None, dt.date(2015, 11, 20), True),
    ('SHOP0004', 'WEIDIAN', '621123103202', 'FAMILY_FARM', None, dt.date(2018, 3, 18), True),
    ('SHOP0005', 'COOP', '621223101201', 'COOPERATIVE', None, dt.date(2016, 7, 1), True),
    ('SHOP0006', 'TAOBAO', '621223206200', 'LARGE_FARMER', None, dt.date(2017, 4, 12), True),
    ('SHOP0007', 'SUNING', '621121100001', 'OTHER', None, dt.date(2018, 1, 15), True),
    ('SHOP0008', 'OTHER', '621223101206', 'LEADING_ENTERPRISE', None, dt.date(2018, 8, 8), True),
    ('SHOP0009', 'PINDUODUO', '621123103204', 'FAMILY_FARM', None, dt.date(2019, 5, 1), False),
    ('SHOP0010', 'JD', '621223206202', 'COOPERATIVE', None, dt.date(2019, 9, 9), False),
]
SHOP_OPENED = {s[0]: s[5] for s in SHOPS}
SHOP_VILLAGE = {s[0]: s[2] for s in SHOPS}

# shop-household links
LINKS = {2018: [], 2019: []}
for sid, plat, vill, ot, oph, opened, in18 in SHOPS:
    cands = [h for h in HOUSEHOLDS if county_of(h['village'][2018]) == county_of(vill)
             and h['status'][2018] in ('POOR', 'EXITED') and h['id'] != oph]
    R.shuffle(cands)
    n = R.randrange(1, 4)
    for h in cands[:n]:
        lt = R.choice(['PURCHASE', 'PURCHASE', 'EMPLOYMENT', 'CONSIGNMENT'])
        since = rand_date(max(opened.year, 2016), 2019)
        since = max(since, opened)
        row = dict(shop_id=sid, household_id=h['id'], link_type=lt, since_date=since)
        if since.year <= 2018 and in18:
            LINKS[2018].append(row)
        LINKS[2019].append(row)
LINKS[2019] = [r for r in LINKS[2019] if r['household_id'] != ROLE['removed']['id']]

# ---------------------------------------------------------------------------------------------
# 6. Row builders (typed values: None, bool, int, str, date, datetime, codes, lists)
# ---------------------------------------------------------------------------------------------


def rows_households(y):
    out = []
    for h in HH_BY_YEAR[y]:
        head = h['members'][0]
        ms = members_of(h, y)
        out.append(dict(household_id=h['id'], village_code=h['village'][y], head_id_number=head['id'],
                        head_name=head['name'], household_size=max(1, len(ms) + h['size_extra'].get(y, 0)) if ms else 1,
                        poverty_attribute=h['attr'], identification_year=h['ident'], status=h['status'][y],
                        exit_year=h['exit'][y], primary_cause=h['cause'], secondary_causes=h['secondary'] or None,
                        per_capita_net_income=money(h['income'][y]), housing_safe=h['housing'][y],
                        drinking_water_safe=h['water'][y], has_broadband=h['broadband'][y],
                        has_smart_terminal=h['terminal'][y], helper_cadre_id=h['helper'][y]))
    return out


def rows_members(y):
    out = []
    for h in HH_BY_YEAR[y]:
        for m in members_of(h, y):
            out.append(dict(household_id=h['id'], id_number=m['id'], name=m['name'], relation=m['rel'], sex=m['sex'],
                            birth_date=m['birth'], education=education_in(m, y), in_school=in_school(m, y),
                            health=m['health'], labor_capacity=labor_of(m, y), skill_trained=m['skill'],
                            medical_insurance=m['reg_ins'].get(y, True)))
    return out


def rows_insurance(y):
    out = []
    for h, m in _all_members(y):
        if any(m is u for u in UNINSURED[y]):
            continue
        basic = not any(m is u for u in BASIC_NO[y])
        ma = True if (h['attr'] in ('DIBAO', 'EXTREME_SUPPORT') or h['status'][y] == 'RETURNED') else \
            (False if R.random() < 0.6 else None)
        out.append(dict(id_number=m['id'], year=y, basic_medical=basic, serious_illness=basic, medical_assistance=ma))
    return out


def rows_enrollment(y):
    out = []
    seen = set()
    for h, m in kids(HH_BY_YEAR[y], y, 6, 17):
        if m['id'] in seen:
            continue
        seen.add(m['id'])
        p = plan_of(m, y)
        if p == 'NONE':
            continue
        grade = age_on(m['birth'], dt.date(y, 8, 31)) - 5
        sub = None
        if h['attr'] in ('DIBAO', 'EXTREME_SUPPORT') or R.random() < 0.3:
            sub = money(R.choice([62500, 100000, 125000]) if grade <= 9 else 200000)
        elif R.random() < 0.5:
            sub = '0.00'
        if p == 'TRANSFER':
            out.append(dict(id_number=m['id'], school_code=school_for(h, y, grade, alt=True)['code'], school_year=y,
                            grade=grade, status='TRANSFERRED', subsidy=None))
            p = 'ENROLLED'
        out.append(dict(id_number=m['id'], school_code=school_for(h, y, grade, alt=(grade >= 10 and R.random() < 0.3))['code'],
                        school_year=y, grade=grade, status=p, subsidy=sub))
    return out


def amt(mtype):
    """A plausible amount for a measure type (text)."""
    rng = {'INDUSTRY': (3000, 10000, 100), 'MICROCREDIT': (30000, 50000, 10000), 'EDUCATION_AID': (1000, 3000, 250),
           'MEDICAL_AID': (2000, 20000, 10), 'HOUSING_RENOVATION': (15000, 25000, 1000),
           'RELOCATION': (60000, 100000, 5000), 'EMPLOYMENT': (500, 3000, 100), 'SKILL_TRAINING': (800, 1500, 100),
           'ECOMMERCE': (1000, 3000, 500), 'ECO_COMPENSATION': (1000, 8000, 500),
           'SAFETY_NET': (2000, 4800, 10)}[mtype]
    return money(yuan(rng[0], rng[1], rng[2]))


def rows_assistance():
    ev = {2018: [], 2019: []}

    def add(y_deliv, h, mtype, start, amount):
        ev[y_deliv].append(dict(measure_id=None, household_id=h['id'], measure_type=mtype, start_date=start,
                                amount=amount))

    for i, h in enumerate(HOUSEHOLDS):
        first = max(h['ident'], 2016)
        if i % 9 != 4:                                         # most households: a matched measure
            mt = R.choice(MATCHED[h['cause']])
            if h is ROLE['relocated']:
                mt = 'INDUSTRY'
            add(2018, h, mt, rand_date(first, 2018), amt(mt) if R.random() < 0.9 else None)
        if R.random() < 0.4:
            mt = R.choice(['ECOMMERCE', 'ECO_COMPENSATION', 'INDUSTRY', 'EMPLOYMENT'])
            add(2018, h, mt, rand_date(first, 2018), amt(mt))
    for h in HH_BY_YEAR[2019]:
        if h['status'][2019] not in ('POOR', 'RETURNED', 'EXITED'):
            continue
        if h is ROLE['relocated']:
            add(2019, h, 'RELOCATION', dt.date(2019, 4, 15), money(8000000))
        elif h is ROLE['returned']:
            add(2019, h, 'MEDICAL_AID', dt.date(2019, 9, 2), money(1268000))
        elif h['ident'] == 2019 or R.random() < 0.45:
            mt = R.choice(MATCHED[h['cause']])
            add(2019, h, mt, rand_date(2019), amt(mt))
    for y in (2018, 2019):
        ev[y].sort(key=lambda r: (r['start_date'], r['household_id']))
        for k, r in enumerate(ev[y], 1):
            r['measure_id'] = f'CS{y}{k:05d}'
    return ev


def rows_claims(years=(2018, 2019)):
    ev = {y: [] for y in years}
    hosp = {c: [f[0] for f in FACILITIES if f[2] == 'COUNTY_HOSPITAL' and county_of(f[1]) == c] for c, *_ in COUNTIES}
    center = {f[0][1:]: f[0] for f in FACILITIES if f[2] == 'TOWNSHIP_CENTER'}
    for y in years:
        sick = [(h, m) for h, m in _all_members(y) if m['health'] in ('SERIOUS', 'CHRONIC')]
        others = [(h, m) for h, m in _all_members(y) if m['health'] == 'HEALTHY']
        R.shuffle(others)
        chosen = sick[:7 if y == 2018 else 9] + others[:2]
        for k, (h, m) in enumerate(chosen, 1):
            serious = m['health'] == 'SERIOUS'
            adm = rand_date(y) if y == 2018 else rand_date(y)
            days = R.randrange(3, 21)
            dis = adm + dt.timedelta(days=days)
            if dis > AS_OF[y]:
                adm, dis = adm - dt.timedelta(days=30), dis - dt.timedelta(days=30)
            total = yuan(12000, 68000) if serious else yuan(2200, 9800)
            total += R.randrange(100)
            basic = total * R.randrange(52, 66) // 100
            ser = total * R.randrange(8, 14) // 100 if (serious and total > 1500000) else None
            poorish = h['attr'] in ('DIBAO', 'EXTREME_SUPPORT') or h['cause'] in ('ILLNESS', 'DISABILITY')
            ast = total * R.randrange(5, 12) // 100 if poorish else None
            fac = hosp[h['county']][0] if serious or R.random() < 0.5 else center.get(township_of(h['village'][y]),
                                                                                      hosp[h['county']][0])
            ev[y].append(dict(claim_id=f'ZY{y}{k:06d}', id_number=m['id'], facility_code=fac, admission_date=adm,
                              discharge_date=dis, total_cost=money(total), basic_reimbursed=money(basic),
                              serious_reimbursed=money(ser) if ser is not None else None,
                              assistance_paid=money(ast) if ast is not None else None,
                              one_stop=R.random() < {2018: 0.8, 2019: 0.92, 2020: 0.95}[y]))
    return ev


def rows_training(plan=((2018, 11), (2019, 13))):
    ev = {y: [] for y, _ in plan}
    for y, n in plan:
        cands = [(h, m) for h, m in _all_members(y) if 18 <= age_on(m['birth'], AS_OF[y]) <= 55
                 and h['status'][y] in ('POOR', 'EXITED', 'RETURNED')]
        R.shuffle(cands)
        for k, (h, m) in enumerate(cands[:n], 1):
            course = R.choice([c for _, c in ENUMS['course']])
            ev[y].append(dict(training_id=f'PX{y}{k:04d}', id_number=m['id'], course=course,
                              completed_date=rand_date(y), certified=R.random() < 0.7))
        ev[y].sort(key=lambda r: r['training_id'])
    return ev


def rows_orders(plan=((2018, 30, SHOPS[:8]), (2019, 40, SHOPS))):
    ev = {y: [] for y, _, _ in plan}
    goods = {'UPWARD': ['FARM_PRODUCE', 'FARM_PRODUCE', 'FARM_PRODUCE', 'HANDICRAFT', 'RURAL_TOURISM'],
             'DOWNWARD': ['CONSUMER_GOODS', 'FARM_INPUTS']}
    for y, n, shops in plan:
        rows = []
        for k in range(n):
            sid, plat, vill, ot, oph, opened, in18 = shops[k % len(shops)]
            start = max(dt.datetime(y, 1, 1), dt.datetime.combine(opened, dt.time(0)))
            span = int((dt.datetime(y, 12, 31, 23, 0) - start).total_seconds())
            t = start + dt.timedelta(seconds=R.randrange(span))
            direction = 'DOWNWARD' if (plat == 'COOP' or R.random() < 0.25) else 'UPWARD'
            cat = R.choice(goods[direction])
            if cat == 'RURAL_TOURISM':
                amount = yuan(120, 880, 10)
            elif direction == 'UPWARD':
                amount = yuan(25, 1600) + R.randrange(0, 100, 10)
            else:
                amount = yuan(12, 680) + R.randrange(0, 100, 10)
            qty = R.randrange(1, 41) if cat != 'RURAL_TOURISM' else R.randrange(1, 5)
            st = R.choices(['COMPLETED', 'REFUNDED', 'CANCELLED'], [85, 10, 5])[0]
            rows.append(dict(order_id=None, shop_id=sid, order_time=t.replace(microsecond=0), direction=direction,
                             category=cat, amount=money(amount), quantity=qty, status=st))
        rows.sort(key=lambda r: r['order_time'])
        for k, r in enumerate(rows, 1):
            r['order_id'] = f'DD{y}{k:06d}'
        ev[y] = rows
    return ev


ASSISTANCE = rows_assistance()
CLAIMS = rows_claims()
TRAINING = rows_training()
ORDERS = rows_orders()

# ---------------------------------------------------------------------------------------------
# 7. Spelling: typed value -> raw text, with the variety the contract accepts
# ---------------------------------------------------------------------------------------------


class Style:
    """How one file spells its values. All choices are deterministic (counters and a seeded RNG)."""

    def __init__(self, key, bools='plain', dates='iso', codes=0.0, nulls=('',), pad=0.0, quote=0.0):
        self.r = random.Random(f'{SEED}/{key}')
        self.bools, self.dates, self.codes, self.nulls, self.pad, self.quote = bools, dates, codes, nulls, pad, quote
        self.ti = self.fi = self.di = self.ni = self.pi = 0

    def boolean(self, v):
        if self.bools == 'plain':
            return '是' if v else '否'
        if self.bools == 'digits':
            return '1' if v else '0'
        if self.bools == 'yn':
            return 'Y' if v else 'N'
        forms = TRUE_FORMS if v else FALSE_FORMS
        i = self.ti if v else self.fi
        if v:
            self.ti += 1
        else:
            self.fi += 1
        return forms[i % len(forms)]

    def date(self, v):
        forms = ['%Y-%m-%d', '%Y/%m/%d', '%Y%m%d'] if self.dates == 'cycle' else \
            {'iso': ['%Y-%m-%d'], 'slash': ['%Y/%m/%d'], 'compact': ['%Y%m%d']}[self.dates]
        f = forms[self.di % len(forms)]
        self.di += 1
        return v.strftime(f)

    def null(self):
        t = self.nulls[self.ni % len(self.nulls)]
        self.ni += 1
        return t

    def padded(self, s):
        if self.pad and self.r.random() < self.pad:
            self.pi += 1
            return [' ' + s, s + '  ', '\u3000' + s, s + '\u3000', ' \u3000' + s + ' '][self.pi % 5]
        return s

    def spell(self, ext, row):
        out = {}
        for c in SCHEMA[ext]['cols']:
            n, t = c['name'], c['type']
            if n not in row:
                continue
            v = row[n]
            if v is None:
                out[n] = '' if c['req'] else self.null()
                continue
            if t == 'bool':
                s = self.boolean(v)
            elif t == 'date':
                s = self.date(v)
            elif t == 'ts':
                s = self.date(v.date()) + v.strftime(' %H:%M:%S')
            elif t.startswith('enum_list:'):
                s = ';'.join(LABEL[t[10:]][x] for x in v)
            elif t.startswith('enum:'):
                e = t[5:]
                s = v if (self.codes and self.r.random() < self.codes) else LABEL[e][v]
            else:
                s = str(v)
            out[n] = self.padded(s)
        return out


class Rec:
    """One data record of a file: spelled values (or raw text), and the reason codes it must get."""

    def __init__(self, vals=None, codes=(), col='', fault='', raw=None, blank_before=False, quoted=(), row=None,
                 note=None):
        self.vals = vals or {}
        self.row = row                  # the typed row it spells (accepted records; for expected-silver.json)
        self.note = note                # why an accepted row matters to silver (orphan, not registered)
        self.codes = sorted(set(codes))
        self.col = col
        self.fault = fault
        self.raw = raw                  # str or bytes: the record's text, written as is
        self.blank_before = blank_before
        self.quoted = set(quoted)       # columns to quote even when not needed


class FileOut:
    def __init__(self, rel, ext, header, recs, charset='UTF-8', bom=False, eol='\n', gz=False, kind='csv',
                 final_eol=True, features=()):
        self.rel, self.ext, self.header, self.recs = rel, ext, header, recs
        self.charset, self.bom, self.eol, self.gz, self.kind = charset, bom, eol, gz, kind
        self.final_eol = final_eol
        self.features = list(features)


def valid(style, ext, row, **kw):
    return Rec(style.spell(ext, row), row=row, **kw)


def fault(style, ext, row, changes, codes, col, desc):
    """A record made from a typed row, spelled normally, then with raw `changes` applied."""
    vals = style.spell(ext, row)
    vals.update(changes)
    return Rec(vals, codes, col, desc)


def insert_spread(base, extra, seed_key):
    """Insert fault records among valid ones at deterministic, spread-out positions."""
    out = list(base)
    n = len(extra)
    for i, rec in enumerate(extra):
        pos = min(len(out), (i + 1) * len(base) // (n + 1) + i)
        out.insert(pos, rec)
    return out


# ---------------------------------------------------------------------------------------------
# 8. The inbox: the 2018 and 2019 files, each with its faults (2020: section 8b)
# ---------------------------------------------------------------------------------------------

FILES = []


def rel(ext, y, suffix='csv'):
    return f"{SCHEMA[ext]['source']}/{ext}_{y}1231.{suffix}"


def fresh_household_row(y, vill, seq, **over):
    """A fabricated household row (used for faults; fresh id, valid unless `over` breaks it)."""
    cty = county_of(vill)
    hb = rand_date(1960, 1985)
    head_id = make_id(cty, hb, 'M')
    row = dict(household_id=f'{vill}{seq:04d}', village_code=vill, head_id_number=head_id,
               head_name=make_name('M', hb.year), household_size=4, poverty_attribute='GENERAL',
               identification_year=2014, status='POOR', exit_year=None, primary_cause='LACK_SKILL',
               secondary_causes=None, per_capita_net_income='2650.00', housing_safe=True, drinking_water_safe=True,
               has_broadband=False, has_smart_terminal=False, helper_cadre_id=CADRES[0]['id'])
    row.update(over)
    return row


def fresh_member_row(hh_id, sex='F', birth=None, rel_='SPOUSE', **over):
    cty = hh_id[:6]
    birth = birth or rand_date(1975, 1990)
    idn = make_id(cty, birth, sex)
    row = dict(household_id=hh_id, id_number=idn, name=make_name(sex, birth.year), relation=rel_, sex=sex,
               birth_date=birth, education='JUNIOR', in_school=False, health='HEALTHY', labor_capacity='ORDINARY',
               skill_trained=False, medical_insurance=True)
    row.update(over)
    return row


def build_households():
    # 2018: CRLF, every boolean spelling, every null token, padded values
    y = 2018
    st = Style('hh18', bools='cycle', nulls=NULL_TOKENS, pad=0.08)
    rows = rows_households(y)
    recs = [valid(st, 'households', r) for r in rows]
    recs[2].vals['head_name'] = '\u3000' + rows[2]['head_name'] + '\u3000'
    recs[3].vals['village_code'] = ' ' + rows[3]['village_code'] + ' '
    faults = [
        fault(st, 'households', fresh_household_row(y, '621121101205', 9001, status='EXITED', identification_year=2016,
                                                    exit_year=2015, per_capita_net_income='5120.00'),
              {}, ['OUT_OF_RANGE'], 'exit_year', 'exit_year 2015 < identification_year 2016'),
        fault(st, 'households', fresh_household_row(y, '621123101207', 9002), {'per_capita_net_income': '3,250.00'},
              ['BAD_NUMBER'], 'per_capita_net_income', 'thousands separator "3,250.00"'),
        fault(st, 'households', fresh_household_row(y, '621223206202', 9003, status='EXITED', exit_year=None,
                                                    per_capita_net_income='4870.50'),
              {'exit_year': 'N/A'}, ['MISSING_REQUIRED'], 'exit_year',
              'status 已脱贫 but exit_year is a null token (conditionally required)'),
    ]
    FILES.append(FileOut(rel('households', y), 'households', COLS['households'], insert_spread(recs, faults, 'hh18'),
                         eol='\r\n', features=['CRLF line endings', 'every boolean spelling (cycled)',
                                               'every null token (cycled) in optional columns',
                                               'values padded with spaces and U+3000']))
    # 2019: enum codes mixed in, many faults
    y = 2019
    st = Style('hh19', bools='plain', nulls=['', '无', 'NULL', '-'], codes=0.25, pad=0.03)
    rows = rows_households(y)
    recs = [valid(st, 'households', r) for r in rows]
    hi = next(i for i, r in enumerate(rows) if i > 5 and r['helper_cadre_id'] and r['status'] == 'POOR')
    recs[hi].vals['helper_cadre_id'] = '驻村工作队,"第一书记"\n王建国'       # free text, not an ID (str: valid)
    fv = '621121103206'
    faults = [
        fault(st, 'households', fresh_household_row(y, fv, 9101), {'head_name': '\u3000'}, ['MISSING_REQUIRED'],
              'head_name', 'only a full-width space U+3000 (trims to null)'),
        fault(st, 'households', fresh_household_row(y, fv, 9102), {'housing_safe': '有'}, ['BAD_TYPE'],
              'housing_safe', 'invalid boolean "有"'),
        fault(st, 'households', fresh_household_row(y, fv, 9103), {'has_broadband': 'Null'}, ['BAD_TYPE'],
              'has_broadband', '"Null" is not a null token (case matters), so an invalid boolean'),
        fault(st, 'households', fresh_household_row(y, fv, 9104, primary_cause='ILLNESS'),
              {'secondary_causes': '缺技术;缺钱'}, ['BAD_ENUM'], 'secondary_causes',
              'one part ("缺钱") is not a cause'),
        fault(st, 'households', fresh_household_row(y, fv, 9105), {'household_size': '25'}, ['OUT_OF_RANGE'],
              'household_size', '25 > 20'),
        fault(st, 'households', fresh_household_row(y, fv, 9106), {'identification_year': '2020'}, ['OUT_OF_RANGE'],
              'identification_year', '2020 is after the as-of year'),
        fault(st, 'households', fresh_household_row(y, '621121101202', 9107), {'village_code': '610502100201'},
              ['UNKNOWN_REGION'], 'village_code', 'a code outside Gansu (61 = Shaanxi)'),
        fault(st, 'households', fresh_household_row(y, '621121101202', 9108), {'village_code': '621121'},
              ['UNKNOWN_REGION'], 'village_code', 'a county code in a village column'),
        fault(st, 'households', fresh_household_row(y, fv, 9109),
              {'household_size': '四', 'poverty_attribute': '贫困户'}, ['BAD_NUMBER', 'BAD_ENUM'],
              'household_size, poverty_attribute', 'two faults in one row: "四" is not an int; "贫困户" is not an attribute'),
    ]
    FILES.append(FileOut(rel('households', y), 'households', COLS['households'], insert_spread(recs, faults, 'hh19'),
                         features=['enumeration codes mixed with labels',
                                   'a quoted helper_cadre_id (free text) holding a comma, doubled quotes and a newline']))


def build_members():
    y = 2018
    st = Style('m18', bools='plain', nulls=['', 'null', '/', '—'], codes=0.1)
    rows = rows_members(y)
    # a few optional values left null (null tokens)
    for i in (5, 17, 33, 61):
        rows[i]['education' if i % 2 else 'health'] = None
    rows[40]['in_school'] = None
    recs = [valid(st, 'members', r) for r in rows]
    hh = rows[10]['household_id']
    r1 = fresh_member_row(hh)
    bad_cc = r1['id_number'][:17] + ('0' if r1['id_number'][17] != '0' else '1')
    r2 = fresh_member_row(hh, sex='M', birth=dt.date(1978, 5, 12), rel_='SIBLING')
    r3 = fresh_member_row(rows[20]['household_id'], sex='F', birth=dt.date(2019, 3, 1), rel_='GRANDCHILD',
                          education='PRESCHOOL', labor_capacity='NONE')
    r4 = fresh_member_row(rows[30]['household_id'], sex='M', rel_='CHILD')
    faults = [
        fault(st, 'members', r1, {'id_number': bad_cc}, ['BAD_ID_NUMBER'], 'id_number', 'wrong check character'),
        fault(st, 'members', r2, {'birth_date': '1978-05-21'}, ['ID_MISMATCH'], 'birth_date',
              'birth_date 1978-05-21, the ID encodes 19780512'),
        fault(st, 'members', r3, {}, ['FUTURE_DATE'], 'birth_date',
              'birth_date 2019-03-01 is after the as-of date (the ID encodes the same date)'),
        fault(st, 'members', r4, {'relation': 'child'}, ['BAD_ENUM'], 'relation',
              'lower-case code "child" (codes are matched exactly)'),
    ]
    recs = insert_spread(recs, faults, 'm18')
    # an exact copy of a valid row, a few records later
    src = next(i for i, r in enumerate(recs) if not r.codes and i > 50)
    copy = Rec(dict(recs[src].vals), ['DUPLICATE_ROW'], '(all)', f'exact copy of record {src + 1}')
    recs.insert(src + 3, copy)
    FILES.append(FileOut(rel('members', y), 'members', COLS['members'], recs,
                         features=['a few relation/sex/... values as English codes']))

    y = 2019
    st = Style('m19', bools='plain', nulls=['', '—', '无'], codes=0.05, pad=0.03)
    rows = rows_members(y)
    for i in (8, 26):
        rows[i]['health'] = None
    recs = [valid(st, 'members', r) for r in rows]
    # the valid ID with check character X: written lower-case here (accepted: X/x)
    xm = ROLE['x_member']
    xi = next(i for i, r in enumerate(rows) if r['id_number'] == xm['id'])
    recs[xi].vals['id_number'] = xm['id'][:17] + 'x'
    hh = rows[12]['household_id']
    r1 = fresh_member_row(hh, sex='M', rel_='SIBLING')
    r2 = fresh_member_row(hh, sex='F', rel_='OTHER')
    r3 = fresh_member_row(rows[50]['household_id'], sex='M', rel_='OTHER')
    r5 = fresh_member_row(rows[70]['household_id'], sex='F', rel_='OTHER')
    bad_enc_vals = st.spell('members', r3)
    enc_line = ','.join(bad_enc_vals[c] for c in COLS['members'])
    name_bytes = r3['name'].encode('utf-8')
    enc_raw = enc_line.encode('utf-8').replace(name_bytes, name_bytes[:3] + b'\xff\xfe' + name_bytes[3:], 1)
    short_vals = st.spell('members', r5)
    short_raw = ','.join(short_vals[c] for c in COLS['members'][:9])
    faults = [
        fault(st, 'members', r1, {'id_number': r1['id_number'][:17]}, ['BAD_ID_NUMBER'], 'id_number',
              '17 characters (check character missing)'),
        fault(st, 'members', r2, {'sex': '男'}, ['ID_MISMATCH'], 'sex', 'sex 男 but the ID\'s 17th digit is even (female)'),
        Rec(None, ['BAD_ENCODING'], 'name', 'bytes FF FE inside the name: not UTF-8', raw=enc_raw),
        Rec(None, ['BAD_RECORD'], '(record)', 'too few fields (9 of 12)', raw=short_raw),
    ]
    recs = insert_spread(recs, faults, 'm19')
    # a copy that differs only in spelling (是 -> 1, 女 -> F, dates in another form, padding)
    src = next(i for i, r in enumerate(recs) if not r.codes and i > 120 and r.vals.get('sex') == '女'
               and r.vals.get('in_school') == '是')
    v = dict(recs[src].vals)
    orig = rows_by_key(rows, recs[src].vals)
    v.update(sex='F', in_school='1', birth_date=orig['birth_date'].strftime('%Y%m%d'),
             skill_trained='Y' if orig['skill_trained'] else 'N',
             medical_insurance='1' if orig['medical_insurance'] else '0',
             relation=orig['relation'], name=' ' + v['name'])
    copy = Rec(v, ['DUPLICATE_ROW'], '(all)',
               f'copy of record {src + 1} differing only in spelling (女→F, 是→1, 否→N, YYYYMMDD date, code for label, padding)')
    recs.insert(src + 2, copy)
    FILES.append(FileOut(rel('members', y), 'members', COLS['members'], recs,
                         features=['a valid ID with a lower-case check character x',
                                   'a record with invalid UTF-8 bytes (file still detected as UTF-8)']))


def rows_by_key(rows, vals):
    for r in rows:
        if r['household_id'] == vals['household_id'].strip(' \u3000') and r['id_number'] == vals['id_number'].strip(' \u3000'):
            return r
    raise AssertionError('row not found')


def build_poor_villages():
    y = 2018
    st = Style('pv18', nulls=['', 'NULL'])
    rows = [dict(village_code=v, designated_year=d, exit_year=e18) for v, d, e18, e19 in POOR_VILLAGES]
    recs = [valid(st, 'poor_villages', r) for r in rows]
    faults = [fault(st, 'poor_villages', dict(village_code='621123101207', designated_year=2016, exit_year=2015), {},
                    ['OUT_OF_RANGE'], 'exit_year', 'exit_year 2015 < designated_year 2016')]
    FILES.append(FileOut(rel('poor_villages', y), 'poor_villages', COLS['poor_villages'],
                         insert_spread(recs, faults, 'pv18')))
    y = 2019
    st = Style('pv19', nulls=['—', 'null'])
    rows = [dict(village_code=v, designated_year=d, exit_year=e19) for v, d, e18, e19 in POOR_VILLAGES]
    recs = [valid(st, 'poor_villages', r) for r in rows]
    faults = [fault(st, 'poor_villages', dict(village_code='621123101204', designated_year=2012, exit_year=None), {},
                    ['OUT_OF_RANGE'], 'designated_year', 'designated_year 2012 < 2013')]
    recs = insert_spread(recs, faults, 'pv19')
    recs[4].blank_before = True
    FILES.append(FileOut(rel('poor_villages', y), 'poor_villages', COLS['poor_villages'], recs,
                         features=['a blank line between records 4 and 5 (not a record)']))


def build_assistance():
    y = 2018
    st = Style('as18', dates='cycle', nulls=['', '-'], codes=0.1)
    rows = ASSISTANCE[y]
    recs = [valid(st, 'assistance', r) for r in rows]
    h = HOUSEHOLDS[5]
    faults = [
        fault(st, 'assistance', dict(measure_id='CS201890001', household_id=h['id'], measure_type='SAFETY_NET',
                                     start_date=dt.date(2018, 3, 1), amount='3000.00'),
              {'measure_type': '低保金'}, ['BAD_ENUM'], 'measure_type', '"低保金" is not a measure type'),
        fault(st, 'assistance', dict(measure_id='CS201890002', household_id='x', measure_type='INDUSTRY',
                                     start_date=dt.date(2018, 5, 9), amount='5000.00'),
              {'household_id': 'NULL'}, ['MISSING_REQUIRED'], 'household_id', 'null token NULL in a required column'),
        fault(st, 'assistance', dict(measure_id='CS201890003', household_id=HOUSEHOLDS[7]['id'], measure_type='INDUSTRY',
                                     start_date=dt.date(2018, 6, 1), amount='-500.00'),
              {}, ['OUT_OF_RANGE'], 'amount', 'negative amount -500.00'),
    ]
    FILES.append(FileOut(rel('assistance', y), 'assistance', COLS['assistance'], insert_spread(recs, faults, 'as18'),
                         features=['start_date in all three date forms (cycled)',
                                   'history back to 2016 in the first delivery']))
    y = 2019
    st = Style('as19', nulls=['', '无'], codes=0.1)
    rows = list(ASSISTANCE[y])
    corr = dict(ASSISTANCE[2018][3])
    corr['amount'] = money(int(Decimal(corr['amount'] or '1000.00') * 100) + 50000)
    recs = [valid(st, 'assistance', r) for r in rows]
    recs.insert(2, valid(st, 'assistance', corr))
    CORRECTIONS.append(('assistance', corr['measure_id'], 'amount +500.00'))
    h = HH_BY_YEAR[2019][8]
    key = dict(measure_id='CS201990001', household_id=h['id'], measure_type='INDUSTRY',
               start_date=dt.date(2019, 4, 1), amount='5000.00')
    c1 = fault(st, 'assistance', key, {}, ['CONFLICTING_KEY'], '(key) measure_id',
               'CS201990001: amount 5000.00; a later row has the same key and amount 5500.00')
    c2 = Rec(dict(c1.vals), ['DUPLICATE_ROW'], '(all)', 'exact copy of the first CS201990001 row (collapses first)')
    c3 = fault(st, 'assistance', dict(key, amount='5500.00'), {}, ['CONFLICTING_KEY'], '(key) measure_id',
               'CS201990001 again, amount 5500.00: both differing rows are quarantined')
    faults = [
        fault(st, 'assistance', dict(measure_id='CS201990002', household_id=h['id'], measure_type='EMPLOYMENT',
                                     start_date=dt.date(2020, 1, 15), amount='800.00'),
              {}, ['FUTURE_DATE'], 'start_date', '2020-01-15 is after the as-of date'),
        fault(st, 'assistance', dict(measure_id='CS201990003', household_id=h['id'], measure_type='EMPLOYMENT',
                                     start_date=dt.date(2019, 2, 1), amount='800.00'),
              {'start_date': '2019-02-30'}, ['BAD_DATE'], 'start_date', 'non-existent date 2019-02-30'),
    ]
    recs = insert_spread(recs, faults, 'as19')
    recs[10:10] = [c1, c2]
    recs[20:20] = [c3]
    # a measure for a household that first appears in the 2020 households snapshot (identified in 2020 after
    # the damage of late 2019): an orphan in silver while only 2018 and 2019 are ingested, it joins once the
    # 2020 delivery arrives. Appended last (and spelled last) so every other record of this file is unchanged.
    early = dict(measure_id='CS201980001', household_id=NEW_2020_IDS[0], measure_type='HOUSING_RENOVATION',
                 start_date=dt.date(2019, 11, 20), amount='20000.00')
    recs.append(valid(st, 'assistance', early,
                      note=f'measure CS201980001 of household {NEW_2020_IDS[0]}, which first appears in '
                           f'households_20201231: an orphan (link household) while only 2018 and 2019 are '
                           f'ingested; it joins once the 2020 delivery arrives'))
    FILES.append(FileOut(rel('assistance', y), 'assistance', COLS['assistance'], recs,
                         features=[f"correction of 2018 measure {corr['measure_id']} (same key, new amount)",
                                   f'last record: a measure for household {NEW_2020_IDS[0]}, first registered in '
                                   f'2020 (an orphan until the 2020 households delivery arrives)']))


CORRECTIONS = []


def build_network():
    y = 2018
    st = Style('net18', bools='plain', nulls=['', 'N/A'], codes=0.1)
    rows = NETWORK[y]
    recs = [valid(st, 'village_network', r) for r in rows]
    src = 6
    ex = Rec(dict(recs[src].vals), ['DUPLICATE_ROW'], '(all)', f'exact copy of record {src + 1}')
    recs.insert(src + 2, ex)
    src2 = next(i for i, r in enumerate(recs) if i > 20 and not r.codes and r.vals['operator'] == '中国移动'
                and r.vals['lte_coverage'] == '是')
    v = dict(recs[src2].vals)
    v.update(operator='CMCC', lte_coverage='Y', village_code=' ' + v['village_code'])
    if v['max_broadband_mbps'] == 'N/A':
        v['max_broadband_mbps'] = ''
    recs.insert(src2 + 3, Rec(v, ['DUPLICATE_ROW'], '(all)',
                              f'copy of record {src2 + 1} differing only in spelling (中国移动→CMCC, 是→Y, N/A→empty, padding)'))
    miss = fault(st, 'village_network', dict(rows[1], operator='CU', village_code=ALL_VILLAGES[-1]),
                 {'lte_coverage': ''}, ['MISSING_REQUIRED'], 'lte_coverage', 'required boolean empty')
    recs.insert(30, miss)
    FILES.append(FileOut(rel('village_network', y), 'village_network', COLS['village_network'], recs,
                         charset='GB18030', features=['encoded in GB18030 (no BOM)']))
    y = 2019
    st = Style('net19', bools='cycle', nulls=['', 'NULL', '/'], codes=0.5)
    rows = NETWORK[y]
    recs = []
    for i, r in enumerate(rows):
        rec = valid(st, 'village_network', r)
        rec.vals['remark'] = ''
        if i == 3:
            rec.vals['remark'] = '光纤到村,"宽带乡村"试点\n2019年已验收'
        elif i % 7 == 2:
            rec.vals['remark'] = '4G基站已开通'
        recs.append(rec)
    ck = next(r for r in rows if r['operator'] == 'CT' and r['village_code'] == ALL_VILLAGES[4])
    key_i = rows.index(ck)
    recs[key_i].codes = ['CONFLICTING_KEY']
    recs[key_i].col = '(key) village_code, operator'
    recs[key_i].fault = 'same key as a later row with a different max_broadband_mbps'
    alt = valid(st, 'village_network', dict(ck, max_broadband_mbps=(ck['max_broadband_mbps'] or 50) * 2))
    alt.vals['remark'] = '速率复核'
    alt.codes, alt.col, alt.fault = ['CONFLICTING_KEY'], '(key) village_code, operator', \
        'same key as an earlier row, different max_broadband_mbps'
    f1 = fault(st, 'village_network', dict(rows[0], village_code=ALL_VILLAGES[2], operator='CU'),
               {'max_broadband_mbps': '150000', 'remark': ''}, ['OUT_OF_RANGE'], 'max_broadband_mbps', '150000 > 100000')
    f1.vals['fiber_broadband'] = '是'
    f2 = fault(st, 'village_network', dict(rows[0], operator='CU'), {'village_code': '621121199201', 'remark': ''},
               ['UNKNOWN_REGION'], 'village_code', '621121199201: township 621121199 does not exist')
    recs = insert_spread(recs, [f1, f2], 'net19')
    recs.insert(len(recs) - 3, alt)
    FILES.append(FileOut(rel('village_network', y), 'village_network', COLS['village_network'] + ['remark'], recs,
                         features=['extra column "remark" (schema drift)',
                                   'a quoted remark holding a comma, doubled quotes and a newline',
                                   'operators mostly as codes', 'boolean spellings cycled']))


def build_insurance():
    y = 2018
    st = Style('ins18', bools='cycle', nulls=['', 'NULL', '无'])
    rows = rows_insurance(y)
    recs = [valid(st, 'insurance_enrollment', r) for r in rows]
    r1 = dict(rows[15], year=2019)
    bad_id = rows[30]['id_number'][:10] + 'A' + rows[30]['id_number'][11:]
    faults = [
        fault(st, 'insurance_enrollment', r1, {}, ['OUT_OF_RANGE'], 'year', 'year 2019 is after the as-of year'),
        fault(st, 'insurance_enrollment', rows[30], {'id_number': bad_id}, ['BAD_ID_NUMBER'], 'id_number',
              'a letter among the first 17 characters'),
    ]
    FILES.append(FileOut(rel('insurance_enrollment', y), 'insurance_enrollment', COLS['insurance_enrollment'],
                         insert_spread(recs, faults, 'ins18')))
    y = 2019
    st = Style('ins19', bools='plain', nulls=['', '-'])
    rows = rows_insurance(y)
    recs = [valid(st, 'insurance_enrollment', r) for r in rows]
    faults = [
        fault(st, 'insurance_enrollment', rows[40], {'basic_medical': 'yes'}, ['BAD_TYPE'], 'basic_medical',
              '"yes" is not an accepted boolean'),
        fault(st, 'insurance_enrollment', rows[41], {'id_number': '  '}, ['MISSING_REQUIRED'], 'id_number',
              'only spaces (trims to null)'),
    ]
    FILES.append(FileOut(rel('insurance_enrollment', y, 'csv.gz'), 'insurance_enrollment',
                         COLS['insurance_enrollment'], insert_spread(recs, faults, 'ins19'), gz=True,
                         features=['gzip-compressed (.csv.gz)']))


def build_claims():
    y = 2018
    st = Style('cl18', bools='plain', nulls=['', 'NULL'])
    rows = CLAIMS[y]
    recs = [valid(st, 'inpatient_claims', r) for r in rows]
    base = rows[0]
    f1 = dict(base, claim_id='ZY2018900001', admission_date=dt.date(2018, 6, 20), discharge_date=dt.date(2018, 6, 12))
    f2 = dict(base, claim_id='ZY2018900002', total_cost='10000.00', basic_reimbursed='6500.00',
              serious_reimbursed='2100.10', assistance_paid='1500.00')
    faults = [
        fault(st, 'inpatient_claims', f1, {}, ['OUT_OF_RANGE'], 'discharge_date',
              'discharged 2018-06-12, before admission 2018-06-20'),
        fault(st, 'inpatient_claims', f2, {}, ['OUT_OF_RANGE'], 'basic/serious/assistance',
              'paid 6500.00 + 2100.10 + 1500.00 = 10100.10 > total_cost 10000.00'),
    ]
    FILES.append(FileOut(rel('inpatient_claims', y), 'inpatient_claims', COLS['inpatient_claims'],
                         insert_spread(recs, faults, 'cl18')))
    y = 2019
    st = Style('cl19', bools='plain', nulls=['', '/'], dates='slash')
    rows = list(CLAIMS[y])
    corr = dict(CLAIMS[2018][1])
    tot = int(Decimal(corr['total_cost']) * 100)
    used = sum(int(Decimal(corr[k]) * 100) for k in ('basic_reimbursed', 'serious_reimbursed') if corr[k])
    corr['assistance_paid'] = money(min(tot - used, tot * 8 // 100))
    corr['one_stop'] = True
    CORRECTIONS.append(('inpatient_claims', corr['claim_id'], 'assistance_paid recomputed, one_stop true'))
    recs = [valid(st, 'inpatient_claims', r) for r in rows]
    recs.insert(1, valid(st, 'inpatient_claims', corr))
    base = rows[2]
    faults = [
        fault(st, 'inpatient_claims', dict(base, claim_id='ZY2019900001', admission_date=dt.date(2019, 12, 26),
                                           discharge_date=dt.date(2020, 1, 3)),
              {}, ['FUTURE_DATE'], 'discharge_date', 'discharged 2020-01-03, after the as-of date'),
        fault(st, 'inpatient_claims', dict(base, claim_id='ZY2019900002'), {'admission_date': '2019/13/01'},
              ['BAD_DATE'], 'admission_date', 'month 13'),
    ]
    FILES.append(FileOut(rel('inpatient_claims', y), 'inpatient_claims', COLS['inpatient_claims'],
                         insert_spread(recs, faults, 'cl19'),
                         features=['dates as YYYY/MM/DD', f"correction of 2018 claim {corr['claim_id']}"]))


def build_facilities():
    for y in (2018, 2019):
        st = Style(f'fac{y}', bools='plain' if y == 2018 else 'digits', codes=0.2)
        rows = [dict(facility_code=c, village_code=v, level=l, telemedicine=t18 if y == 2018 else t19)
                for c, v, l, t18, t19 in FACILITIES]
        recs = [valid(st, 'facilities', r) for r in rows]
        if y == 2018:
            faults = [fault(st, 'facilities', dict(rows[3], facility_code='T621121199'), {'level': '—'},
                            ['MISSING_REQUIRED'], 'level', 'null token — (em dash) in a required column')]
            header = COLS['facilities']
            feats = []
        else:
            faults = [fault(st, 'facilities', dict(rows[5], facility_code='T621123199'), {'level': '卫生院'},
                            ['BAD_ENUM'], 'level', '"卫生院" is not a facility level')]
            header = ['level', 'facility_code', 'telemedicine', 'village_code']
            feats = ['columns in a non-contract order', 'header names padded and in mixed case (" Village_Code ")',
                     'booleans as 1/0']
        f = FileOut(rel('facilities', y), 'facilities', header, insert_spread(recs, faults, f'fac{y}'),
                    features=feats)
        if y == 2019:
            f.header_text = ['Level', 'facility_code', 'TELEMEDICINE', ' Village_Code ']
        FILES.append(f)


def build_schools():
    y = 2018
    st = Style('sch18', bools='plain', codes=0.3, nulls=['', 'N/A'])
    rows = [dict(school_code=s['code'], village_code=s['village'], school_type=s['type'], broadband=s['broadband'][y],
                 bandwidth_mbps=s['bw'][y], classrooms=s['classrooms'], multimedia_classrooms=s['mm'][y])
            for s in SCHOOLS]
    recs = [valid(st, 'schools', r) for r in rows]
    faults = [
        fault(st, 'schools', dict(rows[2], school_code='2621121099', classrooms=12, multimedia_classrooms=14), {},
              ['OUT_OF_RANGE'], 'multimedia_classrooms', '14 multimedia classrooms > 12 classrooms'),
        fault(st, 'schools', dict(rows[3], school_code='2621121098'), {'classrooms': '12.0'}, ['BAD_NUMBER'],
              'classrooms', '"12.0" is not an int'),
    ]
    FILES.append(FileOut(rel('schools', y), 'schools', COLS['schools'][:-1], insert_spread(recs, faults, 'sch18'),
                         features=['optional column "students" missing (loads as null)']))
    y = 2019
    st = Style('sch19', bools='cycle', codes=0.3, nulls=['', '-'])
    rows = [dict(school_code=s['code'], village_code=s['village'], school_type=s['type'], broadband=s['broadband'][y],
                 bandwidth_mbps=s['bw'][y], classrooms=s['classrooms'], multimedia_classrooms=s['mm'][y],
                 students=s['students']) for s in SCHOOLS]
    recs = [valid(st, 'schools', r) for r in rows]
    faults = [fault(st, 'schools', dict(rows[4], school_code='2621123099'), {'bandwidth_mbps': '100M'},
                    ['BAD_NUMBER'], 'bandwidth_mbps', '"100M" is not an int')]
    FILES.append(FileOut(rel('schools', y), 'schools', COLS['schools'], insert_spread(recs, faults, 'sch19'), bom=True,
                         features=['UTF-8 with BOM']))


def build_enrollment():
    y = 2018
    st = Style('en18', nulls=['', 'null', '无'], codes=0.1)
    rows = rows_enrollment(y)
    recs = [valid(st, 'enrollment', r) for r in rows]
    o = next(r for r in rows if r['grade'] <= 9)
    faults = [
        fault(st, 'enrollment', dict(o, school_year=2017, grade=13), {}, ['OUT_OF_RANGE'], 'grade', 'grade 13 > 12'),
        fault(st, 'enrollment', dict(o, school_year=2016), {'subsidy': '1,250'}, ['BAD_NUMBER'], 'subsidy',
              'thousands separator "1,250"'),
    ]
    FILES.append(FileOut(rel('enrollment', y), 'enrollment', COLS['enrollment'], insert_spread(recs, faults, 'en18')))
    y = 2019
    st = Style('en19', nulls=['', 'N/A', '/'], codes=0.1)
    rows = rows_enrollment(y)
    recs = [valid(st, 'enrollment', r) for r in rows]
    o = rows[3]
    bad = o['id_number'][:17] + ('1' if o['id_number'][17] != '1' else '2')
    faults = [
        fault(st, 'enrollment', dict(o, school_code='x'), {'school_code': 'N/A'}, ['MISSING_REQUIRED'], 'school_code',
              'null token N/A in a required column'),
        fault(st, 'enrollment', dict(o, school_year=2018), {'status': '在校'}, ['BAD_ENUM'], 'status',
              '"在校" is not an enrollment status'),
        fault(st, 'enrollment', dict(o, school_year=2017), {'id_number': bad}, ['BAD_ID_NUMBER'], 'id_number',
              'wrong check character'),
    ]
    FILES.append(FileOut(rel('enrollment', y), 'enrollment', COLS['enrollment'], insert_spread(recs, faults, 'en19'),
                         features=['a transfer: two rows for one child in school year 2019 (转出 + 在读)',
                                   'one 辍学 row']))


def build_training():
    y = 2018
    st = Style('tr18', bools='yn', dates='compact')
    rows = TRAINING[y]
    recs = [valid(st, 'training', r) for r in rows]
    faults = [
        fault(st, 'training', dict(rows[0], training_id='PX20189001'), {'certified': '已认证'}, ['BAD_TYPE'],
              'certified', 'invalid boolean "已认证"'),
        fault(st, 'training', dict(rows[1], training_id='PX20189002'), {'course': '养殖培训'}, ['BAD_ENUM'], 'course',
              '"养殖培训" is not a course'),
    ]
    FILES.append(FileOut(rel('training', y), 'training', COLS['training'], insert_spread(recs, faults, 'tr18'),
                         features=['dates as YYYYMMDD', 'booleans as Y/N']))
    y = 2019
    st = Style('tr19', bools='plain', codes=0.2)
    rows = list(TRAINING[y])
    corr = dict(next(r for r in TRAINING[2018] if not r['certified']))
    corr['certified'] = True
    CORRECTIONS.append(('training', corr['training_id'], 'certified 否 → 是'))
    recs = [valid(st, 'training', r) for r in rows]
    recs.insert(4, valid(st, 'training', corr))
    faults = [fault(st, 'training', dict(rows[2], training_id='PX20199001', completed_date=dt.date(2020, 1, 10)), {},
                    ['FUTURE_DATE'], 'completed_date', '2020-01-10 is after the as-of date')]
    recs = insert_spread(recs, faults, 'tr19')
    last = st.spell('training', dict(rows[5], training_id='PX20199002'))
    raw = ','.join([last['training_id'], last['id_number'], '"' + last['course'] + '"（线上）', last['completed_date'],
                    last['certified']])
    recs.append(Rec(None, ['BAD_RECORD'], 'course', 'text after a closing quote in the very last record', raw=raw))
    FILES.append(FileOut(rel('training', y), 'training', COLS['training'], recs, final_eol=False,
                         features=[f"correction of 2018 training {corr['training_id']}",
                                   'ends with a record that has text after a closing quote (no final newline)']))


def build_service_points():
    for y in (2018, 2019):
        st = Style(f'sp{y}', dates='cycle' if y == 2018 else 'slash', codes=0.3, nulls=['', '无', 'NULL'])
        rows = [dict(point_id=p, level=l, region_code=rc, opened_date=o, closed_date=c18 if y == 2018 else c19)
                for p, l, rc, o, c18, c19, in18 in SERVICE_POINTS if in18 or y == 2019]
        recs = [valid(st, 'service_points', r) for r in rows]
        if y == 2018:
            faults = [fault(st, 'service_points', dict(point_id='ECS-621121101205', level='VILLAGE_POINT',
                                                       region_code='621121101205', opened_date=dt.date(2018, 5, 1),
                                                       closed_date=dt.date(2017, 12, 1)),
                            {}, ['OUT_OF_RANGE'], 'closed_date', 'closed 2017-12-01, before opened 2018-05-01')]
            feats = ['dates in all three forms (cycled)']
        else:
            faults = [
                fault(st, 'service_points', dict(point_id='ECS-621223101X', level='TOWNSHIP_STATION',
                                                 region_code='621223101206', opened_date=dt.date(2019, 2, 2),
                                                 closed_date=None),
                      {'level': '乡镇电子商务服务站'}, ['UNKNOWN_REGION'], 'region_code',
                      'a village code for a TOWNSHIP_STATION (wrong level)'),
                fault(st, 'service_points', dict(point_id='ECS-621121199', level='TOWNSHIP_STATION',
                                                 region_code='621121199', opened_date=dt.date(2019, 2, 2),
                                                 closed_date=None),
                      {'level': '乡镇电子商务服务站'}, ['UNKNOWN_REGION'], 'region_code',
                      'township code 621121199 does not exist'),
            ]
            feats = ['one point closed on 2019-06-30', 'one point opening in 2020 (opened_date may be in the future)']
        FILES.append(FileOut(rel('service_points', y), 'service_points', COLS['service_points'],
                             insert_spread(recs, faults, f'sp{y}'), features=feats))


def build_shops():
    for y in (2018, 2019):
        st = Style(f'shop{y}', codes=0.2, nulls=['', 'NULL', '-'])
        rows = [dict(shop_id=s, platform=p, village_code=v, operator_type=o, operator_household_id=oh, opened_date=od)
                for s, p, v, o, oh, od, in18 in SHOPS if in18 or y == 2019]
        recs = [valid(st, 'shops', r) for r in rows]
        if y == 2018:
            faults = [fault(st, 'shops', dict(rows[0], shop_id='SHOP0901'), {'opened_date': '2018-6-1'}, ['BAD_DATE'],
                            'opened_date', '"2018-6-1": month and day not zero-padded')]
        else:
            faults = [fault(st, 'shops', dict(rows[2], shop_id='SHOP0902'), {'platform': '抖音'}, ['BAD_ENUM'],
                            'platform', '"抖音" is not a platform')]
        FILES.append(FileOut(rel('shops', y), 'shops', COLS['shops'], insert_spread(recs, faults, f'shop{y}'),
                             features=['SHOP0002 is run by a poor household (operator_household_id)']))


def build_links():
    y = 2018
    st = Style('lk18', codes=0.2)
    rows = LINKS[y]
    recs = [valid(st, 'shop_household_links', r) for r in rows]
    faults = [fault(st, 'shop_household_links', dict(rows[0], household_id=HOUSEHOLDS[20]['id']),
                    {'since_date': '2018.05.01'}, ['BAD_DATE'], 'since_date', '"2018.05.01" is not an accepted date form')]
    FILES.append(FileOut(rel('shop_household_links', y), 'shop_household_links', COLS['shop_household_links'],
                         insert_spread(recs, faults, 'lk18')))
    y = 2019
    st = Style('lk19', codes=0.2, dates='compact')
    rows = LINKS[y]
    recs = [valid(st, 'shop_household_links', r) for r in rows]
    v = st.spell('shop_household_links', dict(rows[1], household_id=HOUSEHOLDS[21]['id']))
    raw = ','.join(v[c] for c in COLS['shop_household_links']) + ',马铃薯收购'
    faults = [
        Rec(None, ['BAD_RECORD'], '(record)', 'too many fields (5 of 4: an unquoted trailing note)', raw=raw),
        fault(st, 'shop_household_links', dict(rows[2], household_id=HOUSEHOLDS[22]['id']), {'link_type': ''},
              ['MISSING_REQUIRED'], 'link_type', 'required enumeration empty'),
    ]
    FILES.append(FileOut(rel('shop_household_links', y), 'shop_household_links', COLS['shop_household_links'],
                         insert_spread(recs, faults, 'lk19'), features=['dates as YYYYMMDD']))


def build_orders():
    y = 2018
    st = Style('od18', dates='cycle', codes=0.15, nulls=['', '-'])
    rows = list(ORDERS[y])
    rows[-1] = dict(rows[-1], order_time=dt.datetime(2018, 12, 31, 23, 59, 59))    # last second: not in the future
    rows[4] = dict(rows[4], quantity=None)
    recs = [valid(st, 'orders', r) for r in rows]
    base = rows[3]
    faults = [
        fault(st, 'orders', dict(base, order_id='DD2018900001'), {'order_time': '2018-07-15'}, ['BAD_DATE'],
              'order_time', 'a timestamp without a time'),
        fault(st, 'orders', dict(base, order_id='DD2018900002', order_time=dt.datetime(2019, 1, 1, 0, 0, 0)), {},
              ['FUTURE_DATE'], 'order_time', '2019-01-01 00:00:00 is after the end of the as-of date'),
        fault(st, 'orders', dict(base, order_id='DD2018900003'), {'amount': '1,234'}, ['BAD_NUMBER'], 'amount',
              'thousands separator "1,234"'),
    ]
    FILES.append(FileOut(rel('orders', y), 'orders', COLS['orders'], insert_spread(recs, faults, 'od18'),
                         features=['timestamps with each date form (cycled)',
                                   'an order at 2018-12-31 23:59:59 (valid: not in the future)']))
    # 2019: the only JSONL file
    y = 2019
    rows = list(ORDERS[y])
    rows[-1] = dict(rows[-1], order_time=dt.datetime(2019, 12, 31, 23, 59, 59))
    corr = dict(ORDERS[2018][5], status='REFUNDED')
    CORRECTIONS.append(('orders', corr['order_id'], 'status 已完成 → 已退款'))
    r = random.Random(f'{SEED}/od19')
    recs = []
    for i, row in enumerate(rows):
        recs.append(Rec(jsonl_vals(row, r, i), row=row))
        if i == 6:
            recs.append(Rec(jsonl_vals(corr, r, 999), row=corr))
    base = rows[7]

    def jf(over, raw_over, codes, col, desc):
        v = jsonl_vals(dict(base, **over), r, 1)
        v.update(raw_over)
        return Rec(v, codes, col, desc)

    faults = [
        jf({'order_id': 'DD2019900001'}, {'shop_id': '3'}, ['BAD_TYPE'], 'shop_id', 'a JSON number in a str column'),
        Rec(None, ['BAD_TYPE'], '(line)', 'a JSON array, not an object',
            raw='["DD2019900002", "SHOP0003", "2019-11-11 10:00:00", "上行", "农产品", 88.00, 2, "已完成"]'),
        jf({'order_id': 'DD2019900003'}, {'amount': '-5.00'}, ['OUT_OF_RANGE'], 'amount', 'amount -5.00 < 0'),
        jf({'order_id': 'DD2019900004', 'order_time': dt.datetime(2020, 1, 1, 0, 0, 0)}, {}, ['FUTURE_DATE'],
           'order_time', '2020-01-01 00:00:00 is after the end of the as-of date'),
        jf({'order_id': 'DD2019900005'}, {'order_time': 'null'}, ['MISSING_REQUIRED'], 'order_time',
           'JSON null in a required column'),
        jf({'order_id': 'DD2019900006'}, {'quantity': '2.5'}, ['BAD_NUMBER'], 'quantity', 'JSON number 2.5 in an int column'),
        jf({'order_id': 'DD2019900007'}, {'direction': '"出口"'}, ['BAD_ENUM'], 'direction', '"出口" is not a direction'),
    ]
    recs = insert_spread(recs, faults, 'od19')
    FILES.append(FileOut(rel('orders', y, 'jsonl'), 'orders', COLS['orders'] + ['poverty_product'], recs, kind='jsonl',
                         features=['JSONL', 'amount and quantity as JSON numbers (literal text kept, e.g. 128.50)',
                                   'a JSON boolean in the extra key "poverty_product" (扶贫产品, schema drift)',
                                   'some amounts as JSON strings; a JSON null; a line without the quantity key',
                                   f"correction of 2018 order {corr['order_id']}"]))


def jsonl_vals(row, r, i):
    """JSON token text per key (insertion order = key order in the line)."""
    js = lambda s: json.dumps(s, ensure_ascii=False)
    v = {}
    v['order_id'] = js(row['order_id'])
    v['shop_id'] = js(row['shop_id'])
    v['order_time'] = js(row['order_time'].strftime('%Y-%m-%d %H:%M:%S'))
    v['direction'] = js(row['direction'] if i % 5 == 1 else LABEL['direction'][row['direction']])
    v['category'] = js(LABEL['category'][row['category']])
    v['amount'] = js(row['amount']) if i % 6 == 3 else row['amount']
    if i % 9 == 4:
        v['quantity'] = 'null'
    elif i % 9 != 8:
        v['quantity'] = str(row['quantity'])
    v['status'] = js(LABEL['order_status'][row['status']])
    if row['direction'] == 'UPWARD' and i % 3 == 0:
        v['poverty_product'] = 'true' if i % 2 == 0 else 'false'
    return v


# ---------------------------------------------------------------------------------------------
# 8b. The third delivery, as of 20201231: model and files
# ---------------------------------------------------------------------------------------------
# main() calls model_2020() and build_2020() only after every 2018 and 2019 file is built, and
# model_2020() replaces the module's random stream with one of its own: the 2018 and 2019 files are
# made by exactly the draws that made them before the 2020 delivery existed.

NEW_2020_IDS = ('6212232062020005', '6211231032040005')   # identified in 2020; the first has a 2019 measure
QUARANTINED_HH_2020 = '6212231012019201'   # its households_20201231 row is quarantined, its head's member row is not
UNKNOWN_HH = {'assistance': '6211231012070031', 'link': '6212232062000031', 'operator': '6212231012060031'}
UNKNOWN_SHOP = 'SHOP0012'                  # in links and orders 2020, in no shops delivery
ROLE20 = {}
NEW_2020 = []
SHOPS_2020 = []
LINKS_2020 = []
FAC_TELE_2020 = {}
NOT_REGISTERED = {}                        # extract -> a person with a valid ID who is in no members row
ORPHAN_MEMBER = {}                         # the typed member row of the quarantined household's head
EVENTS_2020 = {}
CORRECTIONS_2020 = []


def model_2020():
    global R
    R = random.Random(f'{SEED}/2020')
    y = 2020
    hh19 = HH_BY_YEAR[2019]
    special = [ROLE[k] for k in ('returned', 'removed', 'dissolved', 'relocated', 'overdue', 'newborn', 'exit_fail')]
    special += [_donor, _young]

    def free(h):
        return not any(h is x for x in special) and not any(h is x for x in ROLE20.values())

    # 返贫: two households that exited in 2019 fall back (exit_year stays 2019)
    ROLE20['returned'] = [h for h in EXIT_2019 if h is not ROLE['exit_fail']
                          and h['profile'] in ('grand', 'three_gen')][:2]
    special += ROLE20['returned']
    ROLE20['reidentified'] = ROLE['removed']          # 清退 in 2019, identified again in 2020 (same household_id)
    ROLE20['gone'] = ROLE['dissolved']                # 自然减少 in 2019, no longer in the 2020 snapshot
    ROLE20['removed'] = next(h for h in hh19 if h['status'][2019] == 'POOR' and free(h) and h['county'] == '621123'
                             and h['profile'] == 'nuclear')
    ROLE20['undeclared_baby'] = next(h for h in hh19 if h['status'][2019] == 'POOR' and free(h)
                                     and h['profile'] == 'nuclear' and h['members'][1]['birth'].year >= 1980)
    ROLE20['still_poor'] = next(h for h in hh19 if h['status'][2019] == 'POOR' and free(h)
                                and h['profile'] == 'single_elderly')
    for h in hh19:
        st, ex = h['status'][2019], h['exit'][2019]
        if any(h is r for r in ROLE20['returned']):
            st = 'RETURNED'
        elif h is ROLE20['removed']:
            st, ex = 'REMOVED', None
        elif h is ROLE20['reidentified']:
            st, ex = 'POOR', None
        elif h is ROLE20['still_poor']:
            pass
        elif st in ('POOR', 'RETURNED'):
            st, ex = 'EXITED', 2020
        h['status'][y], h['exit'][y] = st, ex
        h['village'][y] = h['village'][2019]
        h['members_by_year'][y] = list(members_of(h, 2019)) if h is not ROLE20['gone'] else []
    r0, r1 = ROLE20['returned']
    r0['cause'] = 'ILLNESS'                           # the head's wife falls seriously ill in 2020
    next(m for m in members_of(r0, y) if m['rel'] == 'SPOUSE')['health'] = 'SERIOUS'
    r1['cause'] = 'DISASTER'                          # the summer 2020 floods
    ROLE20['reidentified']['cause'] = 'ILLNESS'       # the head's illness ate the income that got it removed
    ROLE20['reidentified']['members'][0]['health'] = 'SERIOUS'
    for h in (r0, r1, ROLE20['reidentified']):
        h['secondary'] = [c for c in h['secondary'] if c != h['cause']]
    # a baby born in 2020 whom the household has not declared: household_size is one less than its member rows
    nb = ROLE20['undeclared_baby']
    nb['members_by_year'][y].append(new_person(nb['county'], 'CHILD', 'F', dt.date(2020, 6, 9),
                                               nb['members'][0]['name'][0]))
    nb['size_extra'][y] = -1
    # two households identified in 2020
    a = make_household(NEW_2020_IDS[0][:12], int(NEW_2020_IDS[0][12:]), 'three_gen')
    a.update(ident=2020, cause='DISASTER', attr='GENERAL', secondary=['LACK_CAPITAL'])
    b = make_household(NEW_2020_IDS[1][:12], int(NEW_2020_IDS[1][12:]), 'single_parent')
    b.update(ident=2020)
    for h, want in ((a, NEW_2020_IDS[0]), (b, NEW_2020_IDS[1])):
        assert h['id'] == want, (h['id'], want)
        h['status'], h['exit'] = {y: 'POOR'}, {y: None}
        h['village'][y] = h['village'][2018]
        h['members_by_year'] = {y: list(h['members'])}
        NEW_2020.append(h)
    keep = [h for h in hh19 if h is not ROLE20['gone']]
    at = max(i for i, h in enumerate(keep) if h['village'][y] == a['village'][y]) + 1
    HH_BY_YEAR[y] = keep[:at] + [a] + keep[at:] + [b]
    for h in HH_BY_YEAR[y]:
        st, ex = h['status'][y], h['exit'][y]
        if st == 'EXITED' and ex == 2020:
            inc = yuan(4600, 8800) + R.randrange(100)
        elif st == 'EXITED':
            inc = yuan(5200, 11800) + R.randrange(100)
        elif st == 'RETURNED':
            inc = yuan(2600, 3700) + R.randrange(100)
        elif st == 'REMOVED':
            inc = yuan(13000, 18000)
        else:
            inc = yuan(2200, 3600) + R.randrange(100)
        h['income'][y] = inc
        good = st in ('EXITED', 'REMOVED')
        h['housing'][y] = True if good else R.random() < 0.85
        h['water'][y] = True if good else R.random() < 0.9
        h['broadband'][y] = h['broadband'].get(2019, False) or R.random() < 0.7
        h['terminal'][y] = h['terminal'].get(2019, False) or R.random() < 0.6
        h['helper'][y] = h['cadre'] if (st in ('POOR', 'RETURNED') or R.random() < 0.9) else None
    # insurance 2020: one member without a row (the registry says insured), one not basic-insured
    adults = [(h, m) for h, m in _all_members(y) if 18 <= age_on(m['birth'], AS_OF[y]) <= 45
              and h['status'][y] in ('POOR', 'RETURNED')]
    UNINSURED[y] = [adults[1][1]]
    BASIC_NO[y] = [adults[3][1]]
    adults[1][1]['reg_ins'][y] = True
    # school: the child never enrolled is still not enrolled; the 2019 dropout is persuaded back (劝返复学)
    KID_ROLES['never'][1]['plan'][y] = 'NONE'
    KID_ROLES['dropout'][1]['plan'][y] = 'ENROLLED'
    # network, facilities, schools improve
    net = []
    for r in NETWORK[2019]:
        o = r['operator']
        fib = r['fiber_broadband'] or (o != 'CU' and R.random() < 0.8)
        mb = max(r['max_broadband_mbps'] or 0, R.choice([100, 200, 200, 500, 1000])) if fib else None
        hhs = (r['broadband_households'] or 0) + R.randrange(3, 40) if fib else None
        net.append(dict(r, fiber_broadband=fib, max_broadband_mbps=mb, broadband_households=hhs,
                        cable_tv_fiber=True if o == 'CABLE' else r['cable_tv_fiber']))
    NETWORK[y] = net
    for c, v, lvl, t18, t19 in FACILITIES:
        FAC_TELE_2020[c] = t19 or lvl != 'VILLAGE_CLINIC' or R.random() < 0.5
    for s in SCHOOLS:
        s['mm'][y] = min(s['classrooms'], s['mm'][2019] + R.randrange(1, 6))
        s['broadband'][y] = True
        s['bw'][y] = max(s['bw'][2019] or 0, R.choice([100, 200, 500]))
        s['students20'] = max(8, s['students'] + R.randrange(-25, 26))
    # e-commerce: a shop opened in 2020 by a household the registry does not know (its operator link is an orphan)
    SHOPS_2020[:] = SHOPS + [('SHOP0011', 'PINDUODUO', '621223101206', 'POOR_HOUSEHOLD', UNKNOWN_HH['operator'],
                              dt.date(2020, 4, 18), False)]
    links = [dict(r) for r in LINKS[2019] if r['household_id'] != ROLE20['gone']['id']]
    links.append(dict(shop_id='SHOP0001', household_id=ROLE20['reidentified']['id'], link_type='PURCHASE',
                      since_date=dt.date(2020, 5, 6)))
    links.append(dict(shop_id='SHOP0011', household_id=a['id'], link_type='EMPLOYMENT', since_date=dt.date(2020, 7, 1)))
    for sid, plat, vill, ot, oph, opened, in18 in SHOPS[::3]:
        linked = {r['household_id'] for r in links if r['shop_id'] == sid}
        cands = [h for h in HH_BY_YEAR[y] if county_of(h['village'][y]) == county_of(vill)
                 and h['status'][y] in ('POOR', 'EXITED', 'RETURNED') and h['id'] not in linked]
        h = R.choice(cands)
        links.append(dict(shop_id=sid, household_id=h['id'], link_type=R.choice(['PURCHASE', 'EMPLOYMENT']),
                          since_date=rand_date(2020)))
    keys = [(r['shop_id'], r['household_id']) for r in links]
    assert len(keys) == len(set(keys))
    LINKS_2020[:] = links
    # people with valid IDs who are in no members row (not registered: kept in silver, marked)
    NOT_REGISTERED['inpatient_claims'] = new_person('621223', 'OTHER', 'M', dt.date(1961, 9, 23))
    NOT_REGISTERED['enrollment'] = new_person('621223', 'OTHER', 'F', dt.date(2011, 3, 17))
    NOT_REGISTERED['training'] = new_person('621123', 'OTHER', 'F', dt.date(1990, 12, 2))
    # the head of the household whose households row is quarantined: his member row is accepted, an orphan
    ORPHAN_MEMBER.update(fresh_member_row(QUARANTINED_HH_2020, sex='M', birth=dt.date(1979, 4, 2), rel_='HEAD',
                                          education='PRIMARY'))
    # events of 2020
    ev = []
    for h in HH_BY_YEAR[y]:
        st = h['status'][y]
        if st not in ('POOR', 'RETURNED', 'EXITED'):
            continue
        if any(h is r for r in ROLE20['returned']):
            mt = MATCHED[h['cause']][0]
        elif h['ident'] == 2020 or h is ROLE20['reidentified'] or h is ROLE20['still_poor']:
            mt = R.choice(MATCHED[h['cause']])
        elif h['exit'][y] == 2020 and R.random() < 0.5:
            mt = R.choice(MATCHED[h['cause']] + ['INDUSTRY', 'EMPLOYMENT'])
        elif st == 'EXITED' and R.random() < 0.15:
            mt = 'ECO_COMPENSATION'
        else:
            continue
        ev.append(dict(measure_id=None, household_id=h['id'], measure_type=mt, start_date=rand_date(y), amount=amt(mt)))
    ev.sort(key=lambda r: (r['start_date'], r['household_id']))
    for k, r in enumerate(ev, 1):
        r['measure_id'] = f'CS{y}{k:05d}'
    EVENTS_2020['assistance'] = ev
    EVENTS_2020['inpatient_claims'] = rows_claims((y,))[y]
    EVENTS_2020['training'] = rows_training(((y, 12),))[y]
    EVENTS_2020['orders'] = rows_orders(((y, 44, SHOPS_2020),))[y]


def build_2020():
    y = 2020
    # --- registry ---
    st = Style('hh20', bools='plain', nulls=['', 'NULL', '无'], codes=0.1)
    recs = [valid(st, 'households', r) for r in rows_households(y)]
    om = ORPHAN_MEMBER
    q = fresh_household_row(y, QUARANTINED_HH_2020[:12], int(QUARANTINED_HH_2020[12:]), head_id_number=om['id_number'],
                            head_name=om['name'], household_size=1, identification_year=2020)
    assert q['household_id'] == QUARANTINED_HH_2020
    faults = [
        fault(st, 'households', q, {'status': '脱贫'}, ['BAD_ENUM'], 'status',
              '"脱贫" is not a status (已脱贫 is); the member row of this household is accepted and is an orphan in silver'),
        fault(st, 'households', fresh_household_row(y, '621123103204', 9202, status='EXITED', exit_year=2021,
                                                    per_capita_net_income='5230.00'),
              {}, ['OUT_OF_RANGE'], 'exit_year', 'exit_year 2021 is after the as-of year'),
    ]
    FILES.append(FileOut(rel('households', y), 'households', COLS['households'], insert_spread(recs, faults, 'hh20'),
                         features=['2020 story: exits, 返贫, 清退, re-identification, two new households']))

    st = Style('m20', bools='yn', nulls=['', 'NULL', '/'], codes=0.05)
    rows = rows_members(y)
    recs = [valid(st, 'members', r) for r in rows]
    recs.insert(100, valid(st, 'members', ORPHAN_MEMBER,
                           note=f'member (head) of household {QUARANTINED_HH_2020}, whose households_20201231 row is '
                                f'quarantined: an orphan (link household)'))
    r1 = fresh_member_row(rows[30]['household_id'], sex='M', rel_='SIBLING')
    bad = r1['id_number'][:17] + ('3' if r1['id_number'][17] != '3' else '4')
    faults = [fault(st, 'members', r1, {'id_number': bad}, ['BAD_ID_NUMBER'], 'id_number', 'wrong check character')]
    recs = insert_spread(recs, faults, 'm20')
    src = next(i for i, r in enumerate(recs) if not r.codes and i > 150)
    recs.insert(src + 4, Rec(dict(recs[src].vals), ['DUPLICATE_ROW'], '(all)', f'exact copy of record {src + 1}'))
    FILES.append(FileOut(rel('members', y), 'members', COLS['members'], recs,
                         features=['an accepted member row of a household whose households row is quarantined (orphan)']))

    st = Style('pv20', nulls=['', 'NULL'])
    recs = [valid(st, 'poor_villages', dict(village_code=v, designated_year=d, exit_year=e19 or 2020))
            for v, d, e18, e19 in POOR_VILLAGES]
    faults = [fault(st, 'poor_villages', dict(village_code='621123101207', designated_year=2016, exit_year=2020),
                    {'exit_year': '2020年'}, ['BAD_NUMBER'], 'exit_year', '"2020年" is not an int')]
    FILES.append(FileOut(rel('poor_villages', y), 'poor_villages', COLS['poor_villages'],
                         insert_spread(recs, faults, 'pv20'), features=['every poor village exited by 2020']))

    st = Style('as20', nulls=['', 'NULL'], codes=0.1)
    rows = EVENTS_2020['assistance']
    corr = dict(ASSISTANCE[2019][5])
    corr['amount'] = money(int(Decimal(corr['amount'] or '0.00') * 100) + 100000)
    CORRECTIONS_2020.append(('assistance', corr['measure_id'], 'amount +1000.00'))
    recs = [valid(st, 'assistance', r) for r in rows]
    recs.insert(3, valid(st, 'assistance', corr))
    recs.insert(12, valid(st, 'assistance', dict(measure_id='CS202080001', household_id=UNKNOWN_HH['assistance'],
                                                 measure_type='INDUSTRY', start_date=dt.date(2020, 6, 18),
                                                 amount='6000.00'),
                          note=f'measure CS202080001 for household {UNKNOWN_HH["assistance"]}, in no households '
                               f'snapshot: an orphan (link household)'))
    h = HH_BY_YEAR[y][12]
    faults = [
        fault(st, 'assistance', dict(measure_id='CS202090001', household_id=h['id'], measure_type='EMPLOYMENT',
                                     start_date=dt.date(2020, 3, 2), amount='1000.00'),
              {'amount': '1,000.00'}, ['BAD_NUMBER'], 'amount', 'thousands separator "1,000.00"'),
        fault(st, 'assistance', dict(measure_id='CS202090002', household_id=h['id'], measure_type='INDUSTRY',
                                     start_date=dt.date(2021, 1, 5), amount='3000.00'),
              {}, ['FUTURE_DATE'], 'start_date', '2021-01-05 is after the as-of date'),
    ]
    FILES.append(FileOut(rel('assistance', y), 'assistance', COLS['assistance'], insert_spread(recs, faults, 'as20'),
                         features=[f"correction of 2019 measure {corr['measure_id']} (same key, new amount)",
                                   'a measure for a household in no households snapshot (orphan)']))

    # --- telecom ---
    st = Style('net20', bools='plain', nulls=['', 'NULL'], codes=0.2)
    rows = NETWORK[y]
    recs = [valid(st, 'village_network', r) for r in rows]
    faults = [fault(st, 'village_network', dict(rows[0], village_code=ALL_VILLAGES[5], operator='CU'),
                    {'operator': '中国铁通'}, ['BAD_ENUM'], 'operator', '"中国铁通" is not an operator')]
    FILES.append(FileOut(rel('village_network', y), 'village_network', COLS['village_network'],
                         insert_spread(recs, faults, 'net20')))

    # --- health ---
    st = Style('ins20', bools='plain', nulls=['', 'NULL'])
    rows = rows_insurance(y)
    recs = [valid(st, 'insurance_enrollment', r) for r in rows]
    faults = [
        fault(st, 'insurance_enrollment', dict(rows[20], year=2021), {}, ['OUT_OF_RANGE'], 'year',
              'year 2021 is after the as-of year'),
        fault(st, 'insurance_enrollment', dict(rows[50], year=2019), {'basic_medical': '参保'}, ['BAD_TYPE'],
              'basic_medical', '"参保" is not a boolean'),
    ]
    FILES.append(FileOut(rel('insurance_enrollment', y), 'insurance_enrollment', COLS['insurance_enrollment'],
                         insert_spread(recs, faults, 'ins20')))

    st = Style('cl20', bools='digits', nulls=['', 'N/A'])
    rows = EVENTS_2020['inpatient_claims']
    corr = dict(CLAIMS[2019][3])
    corr['discharge_date'] = corr['discharge_date'] + dt.timedelta(days=3)
    CORRECTIONS_2020.append(('inpatient_claims', corr['claim_id'], 'discharge_date three days later'))
    recs = [valid(st, 'inpatient_claims', r) for r in rows]
    recs.insert(2, valid(st, 'inpatient_claims', corr))
    p = NOT_REGISTERED['inpatient_claims']
    recs.insert(6, valid(st, 'inpatient_claims',
                         dict(claim_id='ZY2020800001', id_number=p['id'], facility_code='H62122301',
                              admission_date=dt.date(2020, 8, 3), discharge_date=dt.date(2020, 8, 12),
                              total_cost='5630.00', basic_reimbursed='3100.00', serious_reimbursed=None,
                              assistance_paid=None, one_stop=False),
                         note='claim ZY2020800001 of a person with a valid resident ID who is in no members row: '
                              'not registered (kept, marked)'))
    base = rows[1]
    faults = [
        fault(st, 'inpatient_claims', dict(base, claim_id='ZY2020900001'), {'facility_code': ''}, ['MISSING_REQUIRED'],
              'facility_code', 'required facility_code empty'),
        fault(st, 'inpatient_claims', dict(base, claim_id='ZY2020900002', total_cost='8000.00',
                                           basic_reimbursed='5200.00', serious_reimbursed=None,
                                           assistance_paid='2800.50'),
              {}, ['OUT_OF_RANGE'], 'basic/serious/assistance', 'paid 5200.00 + 2800.50 = 8000.50 > total_cost 8000.00'),
    ]
    FILES.append(FileOut(rel('inpatient_claims', y), 'inpatient_claims', COLS['inpatient_claims'],
                         insert_spread(recs, faults, 'cl20'),
                         features=[f"correction of 2019 claim {corr['claim_id']}",
                                   'a claim of a person who is not a registered member']))

    st = Style('fac2020', bools='yn', codes=0.2)
    rows = [dict(facility_code=c, village_code=v, level=l, telemedicine=FAC_TELE_2020[c])
            for c, v, l, t18, t19 in FACILITIES]
    recs = [valid(st, 'facilities', r) for r in rows]
    faults = [fault(st, 'facilities', dict(rows[2], facility_code='T621223199'), {'telemedicine': '有'}, ['BAD_TYPE'],
                    'telemedicine', 'invalid boolean "有"')]
    FILES.append(FileOut(rel('facilities', y), 'facilities', COLS['facilities'], insert_spread(recs, faults, 'fac20')))

    # --- education ---
    st = Style('sch20', bools='plain', codes=0.3, nulls=['', 'NULL'])
    rows = [dict(school_code=s['code'], village_code=s['village'], school_type=s['type'], broadband=s['broadband'][y],
                 bandwidth_mbps=s['bw'][y], classrooms=s['classrooms'], multimedia_classrooms=s['mm'][y],
                 students=s['students20']) for s in SCHOOLS]
    recs = [valid(st, 'schools', r) for r in rows]
    faults = [fault(st, 'schools', dict(rows[1], school_code='2621223099', classrooms=6, multimedia_classrooms=8), {},
                    ['OUT_OF_RANGE'], 'multimedia_classrooms', '8 multimedia classrooms > 6 classrooms')]
    FILES.append(FileOut(rel('schools', y), 'schools', COLS['schools'], insert_spread(recs, faults, 'sch20')))

    st = Style('en20', nulls=['', 'NULL'], codes=0.1)
    rows = rows_enrollment(y)
    recs = [valid(st, 'enrollment', r) for r in rows]
    p = NOT_REGISTERED['enrollment']
    recs.insert(9, valid(st, 'enrollment', dict(id_number=p['id'], school_code='2621223011', school_year=y, grade=4,
                                                status='ENROLLED', subsidy=None),
                         note='enrollment of a child with a valid resident ID who is in no members row (a migrant '
                              'child): not registered (kept, marked)'))
    faults = [fault(st, 'enrollment', dict(rows[2], school_year=2019), {'status': '复学'}, ['BAD_ENUM'], 'status',
                    '"复学" is not an enrollment status')]
    FILES.append(FileOut(rel('enrollment', y), 'enrollment', COLS['enrollment'], insert_spread(recs, faults, 'en20'),
                         features=['a child who is not a registered member']))

    st = Style('tr20', bools='plain', dates='slash', codes=0.2)
    rows = EVENTS_2020['training']
    corr = dict(next(r for r in TRAINING[2019] if not r['certified']))
    corr['certified'] = True
    CORRECTIONS_2020.append(('training', corr['training_id'], 'certified 否 → 是'))
    recs = [valid(st, 'training', r) for r in rows]
    recs.insert(5, valid(st, 'training', corr))
    p = NOT_REGISTERED['training']
    recs.insert(9, valid(st, 'training', dict(training_id='PX20208001', id_number=p['id'], course='ECOMMERCE',
                                              completed_date=dt.date(2020, 10, 16), certified=True),
                         note='training PX20208001 of a person with a valid resident ID who is in no members row: '
                              'not registered (kept, marked)'))
    faults = [fault(st, 'training', dict(rows[3], training_id='PX20209001', completed_date=dt.date(2021, 1, 8)), {},
                    ['FUTURE_DATE'], 'completed_date', '2021-01-08 is after the as-of date')]
    FILES.append(FileOut(rel('training', y), 'training', COLS['training'], insert_spread(recs, faults, 'tr20'),
                         features=[f"correction of 2019 training {corr['training_id']}", 'dates as YYYY/MM/DD',
                                   'a trainee who is not a registered member']))

    # --- ecommerce ---
    st = Style('sp20', codes=0.3, nulls=['', 'NULL'])
    rows = [dict(point_id=pid, level=l, region_code=rc, opened_date=o, closed_date=c19)
            for pid, l, rc, o, c18, c19, in18 in SERVICE_POINTS]
    recs = [valid(st, 'service_points', r) for r in rows]
    faults = [fault(st, 'service_points', dict(point_id='ECS-621123100', level='TOWNSHIP_STATION',
                                               region_code='621123100', opened_date=dt.date(2020, 5, 1),
                                               closed_date=None),
                    {'level': '乡镇服务站'}, ['BAD_ENUM'], 'level', '"乡镇服务站" is not a point level')]
    FILES.append(FileOut(rel('service_points', y), 'service_points', COLS['service_points'],
                         insert_spread(recs, faults, 'sp20'), features=['the point planned for 2020-03-01 is open']))

    st = Style('shop2020', codes=0.2, nulls=['', 'NULL', '-'])
    recs = []
    for sid, pl, v, o, oh, od, in18 in SHOPS_2020:
        note = None
        if sid == 'SHOP0011':
            note = f'shop SHOP0011 run by household {oh}, in no households snapshot: its operator link is an orphan ' \
                   f'(link operator_household; the shop stays)'
        recs.append(valid(st, 'shops', dict(shop_id=sid, platform=pl, village_code=v, operator_type=o,
                                            operator_household_id=oh, opened_date=od), note=note))
    faults = [fault(st, 'shops', dict(recs[3].row, shop_id='SHOP0903'), {'village_code': '621223999201'},
                    ['UNKNOWN_REGION'], 'village_code', 'township 621223999 does not exist')]
    FILES.append(FileOut(rel('shops', y), 'shops', COLS['shops'], insert_spread(recs, faults, 'shop20'),
                         features=['SHOP0011 (opened 2020) is run by a household the registry does not know']))

    st = Style('lk20', codes=0.2, dates='slash')
    rows = LINKS_2020
    recs = [valid(st, 'shop_household_links', r) for r in rows]
    hh_unknown_shop = next(h for h in HH_BY_YEAR[y] if h['village'][y] == '621223206200')
    recs.insert(7, valid(st, 'shop_household_links',
                         dict(shop_id=UNKNOWN_SHOP, household_id=hh_unknown_shop['id'], link_type='PURCHASE',
                              since_date=dt.date(2020, 8, 1)),
                         note=f'link of {UNKNOWN_SHOP}, in no shops delivery: an orphan (link shop)'))
    recs.insert(15, valid(st, 'shop_household_links',
                          dict(shop_id='SHOP0005', household_id=UNKNOWN_HH['link'], link_type='CONSIGNMENT',
                               since_date=dt.date(2020, 9, 15)),
                          note=f'link to household {UNKNOWN_HH["link"]}, in no households snapshot: an orphan '
                               f'(link household)'))
    faults = [fault(st, 'shop_household_links', dict(rows[0], household_id=HH_BY_YEAR[y][30]['id']),
                    {'since_date': '2020/02/30'}, ['BAD_DATE'], 'since_date', 'non-existent date 2020/02/30')]
    FILES.append(FileOut(rel('shop_household_links', y), 'shop_household_links', COLS['shop_household_links'],
                         insert_spread(recs, faults, 'lk20'),
                         features=['dates as YYYY/MM/DD', f'a link of unknown shop {UNKNOWN_SHOP}',
                                   'a link to an unknown household']))

    st = Style('od20', dates='iso', codes=0.15, nulls=['', '-'])
    rows = list(EVENTS_2020['orders'])
    rows[-1] = dict(rows[-1], order_time=dt.datetime(2020, 12, 31, 23, 59, 59))
    corr = dict(ORDERS[2019][10])
    corr['status'] = 'REFUNDED' if corr['status'] == 'COMPLETED' else 'COMPLETED'
    CORRECTIONS_2020.append(('orders', corr['order_id'], f"status {LABEL['order_status'][ORDERS[2019][10]['status']]} → "
                                                         f"{LABEL['order_status'][corr['status']]}"))
    recs = [valid(st, 'orders', r) for r in rows]
    recs.insert(4, valid(st, 'orders', corr))
    recs.insert(20, valid(st, 'orders', dict(order_id='DD2020800001', shop_id=UNKNOWN_SHOP,
                                             order_time=dt.datetime(2020, 9, 2, 14, 31, 7), direction='UPWARD',
                                             category='FARM_PRODUCE', amount='236.00', quantity=8, status='COMPLETED'),
                          note=f'order DD2020800001 of {UNKNOWN_SHOP}, in no shops delivery: an orphan (link shop)'))
    base = rows[5]
    k1 = fault(st, 'orders', dict(base, order_id='DD2020900001', amount='88.00'), {}, ['CONFLICTING_KEY'],
               '(key) order_id', 'DD2020900001: amount 88.00; a later row has the same key and amount 98.00')
    k2 = fault(st, 'orders', dict(base, order_id='DD2020900001', amount='98.00'), {}, ['CONFLICTING_KEY'],
               '(key) order_id', 'DD2020900001 again, amount 98.00: both rows are quarantined')
    faults = [k1, fault(st, 'orders', dict(base, order_id='DD2020900002'), {'status': '已发货'}, ['BAD_ENUM'], 'status',
                        '"已发货" is not an order status'), k2]
    FILES.append(FileOut(rel('orders', y), 'orders', COLS['orders'], insert_spread(recs, faults, 'od20'),
                         features=[f"correction of 2019 order {corr['order_id']}", f'an order of unknown shop {UNKNOWN_SHOP}',
                                   'an order at 2020-12-31 23:59:59']))


# ---------------------------------------------------------------------------------------------
# 9. Writing
# ---------------------------------------------------------------------------------------------


def csv_field(s, force=False):
    if force or any(ch in s for ch in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def render(f):
    """Bytes of a file (before gzip)."""
    enc = 'gb18030' if f.charset == 'GB18030' else 'utf-8'
    out = bytearray()
    if f.bom:
        out += b'\xef\xbb\xbf'
    eol = f.eol.encode()
    if f.kind == 'csv':
        header = getattr(f, 'header_text', f.header)
        out += ','.join(header).encode(enc) + eol
    for i, rec in enumerate(f.recs):
        if rec.blank_before:
            out += eol
        if rec.raw is not None:
            line = rec.raw if isinstance(rec.raw, bytes) else rec.raw.encode(enc)
        elif f.kind == 'csv':
            line = ','.join(csv_field(rec.vals.get(c, ''), c in rec.quoted) for c in f.header).encode(enc)
        else:
            line = ('{' + ', '.join(f'"{k}": {t}' for k, t in rec.vals.items()) + '}').encode(enc)
        out += line
        if f.final_eol or i < len(f.recs) - 1:
            out += eol
    return bytes(out)


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as fh:
        fh.write(data)


def expected_of(f):
    by = {}
    q = 0
    for rec in f.recs:
        if rec.codes:
            q += 1
        for c in rec.codes:
            by[c] = by.get(c, 0) + 1
    return dict(status='loaded', read=len(f.recs), accepted=len(f.recs) - q, quarantined=q,
                by_reason=dict(sorted(by.items())), charset=f.charset)


# ---------------------------------------------------------------------------------------------
# 10. file-faults: a tiny inbox of file-level rejections
# ---------------------------------------------------------------------------------------------


def build_file_faults():
    hh_rows = rows_households(2019)[:2]
    st = Style('ff', bools='plain', nulls=[''])

    def csv_of(ext, rows, header=None):
        header = header or COLS[ext]
        lines = [','.join(header)]
        for r in rows:
            v = st.spell(ext, r)
            lines.append(','.join(csv_field(v.get(c, '')) for c in header))
        return ('\n'.join(lines) + '\n').encode('utf-8')

    pv = [dict(village_code=v, designated_year=d, exit_year=e) for v, d, _, e in POOR_VILLAGES[:3]]
    fac = [dict(facility_code=c, village_code=v, level=l, telemedicine=t) for c, v, l, _, t in FACILITIES[:3]]
    sch = [dict(school_code=s['code'], village_code=s['village'], school_type=s['type'], broadband=True,
                bandwidth_mbps=100, classrooms=s['classrooms'], multimedia_classrooms=s['mm'][2019],
                students=s['students']) for s in SCHOOLS]
    full_gz = gzip.compress(csv_of('schools', sch), compresslevel=9, mtime=0)
    mem_rows = rows_members(2019)[:2]
    enr = csv_of('enrollment', rows_enrollment(2019)[:4]).split(b'\n')
    enr[2] = enr[2].replace(b',', b',"', 1)
    runaway = b'\n'.join(enr)
    ff = [
        ('households_20191231.csv', csv_of('households', hh_rows), 'BAD_LOCATION',
         'at the inbox root, not in a source folder'),
        ('weather/rain_20191231.csv', b'village_code,rain_mm\n621121101202,412\n', 'UNKNOWN_SOURCE',
         'unknown source folder "weather"'),
        ('registry/pets_20191231.csv', b'household_id,pet\n6211211012020001,dog\n', 'UNKNOWN_EXTRACT',
         'no extract "pets"'),
        ('registry/households_20190230.csv', csv_of('households', hh_rows), 'BAD_FILE_NAME',
         'the date in the name does not exist (Feb 30)'),
        ('registry/households.csv', csv_of('households', hh_rows), 'BAD_FILE_NAME', 'no date in the name'),
        ('telecom/households_20191231.csv', csv_of('households', hh_rows), 'WRONG_SOURCE',
         'households belongs to registry, not telecom'),
        ('registry/poor_villages_20191231.csv', csv_of('poor_villages', pv, ['village_code', 'exit_year']),
         'MISSING_REQUIRED_COLUMN', 'required column designated_year missing'),
        ('health/facilities_20191231.csv',
         csv_of('facilities', fac, ['facility_code', 'village_code', 'level', 'telemedicine', 'level']),
         'DUPLICATE_HEADER', 'column "level" twice in the header'),
        ('education/schools_20191231.csv.gz', full_gz[:len(full_gz) // 2], 'UNREADABLE',
         'gzip stream cut in half'),
        ('ecommerce/shops_20191231.csv', b'', 'NO_HEADER', 'empty file (0 bytes)'),
        ('registry/members_20191231.csv', csv_of('members', mem_rows).split(b'\n', 1)[1], 'NO_HEADER',
         'no header row: the first row is data (a resident ID and a name), which no message or report repeats'),
        ('education/enrollment_20191231.csv', runaway, 'RUNAWAY_QUOTE',
         'a stray quote in row 2 is never closed: it would swallow the rest of the file into one record'),
    ]
    ok = ('registry/poor_villages_20181231.csv', (','.join(COLS['poor_villages']) + '\n').encode(), None,
          'header only: loads with 0 rows')
    return ff, ok


# ---------------------------------------------------------------------------------------------
# 11. Independent reader (self-check): re-derive every record's reason codes from the bytes
# ---------------------------------------------------------------------------------------------

REF = None
PARSED = {}      # file -> the reader's typed rows (None for a quarantined record)


def load_reference():
    for d in (os.path.join(HERE, '..', 'schemas', 'reference'), os.path.join(HERE, '..', '..', 'shared', 'reference')):
        p = os.path.join(d, 'gansu_villages.csv')
        if os.path.exists(p):
            ref = {'county': set(), 'township': set(), 'village': set()}
            for fn, col, lvl in (('gansu_counties.csv', 2, 'county'), ('gansu_townships.csv', 1, 'township'),
                                 ('gansu_villages.csv', 1, 'village')):
                with open(os.path.join(d, fn), encoding='utf-8') as fh:
                    next(fh)
                    for line in fh:
                        ref[lvl].add(line.rstrip('\n').split(',')[col])
            return ref
    print('WARNING: division reference not found; region codes are not checked', file=sys.stderr)
    return None


def split_csv(data):
    """RFC 4180 records over bytes. Returns [(raw, fields, bad)] and the blank-line count."""
    recs, blanks, i, n = [], 0, 0, len(data)
    while i < n:
        if data[i] == 0x0A:
            blanks += 1
            i += 1
            continue
        if data[i] == 0x0D and i + 1 < n and data[i + 1] == 0x0A:
            blanks += 1
            i += 2
            continue
        start, fields, bad = i, [], None
        while True:
            if i < n and data[i] == 0x22:
                i += 1
                buf = bytearray()
                while True:
                    if i >= n:
                        bad = 'unterminated quote'
                        break
                    if data[i] == 0x22:
                        if i + 1 < n and data[i + 1] == 0x22:
                            buf.append(0x22)
                            i += 2
                            continue
                        i += 1
                        break
                    buf.append(data[i])
                    i += 1
                fields.append(bytes(buf))
                if bad:
                    break
                if i < n and data[i] not in (0x2C, 0x0A) and not (data[i] == 0x0D and data[i + 1:i + 2] == b'\n'):
                    bad = 'text after closing quote'
                    while i < n and data[i] != 0x0A:
                        i += 1
            else:
                j = i
                while j < n and data[j] != 0x2C and data[j] != 0x0A and not (data[j] == 0x0D and data[j + 1:j + 2] == b'\n'):
                    j += 1
                fields.append(data[i:j])
                i = j
            if i < n and data[i] == 0x2C and not bad:
                i += 1
                continue
            break
        end = i
        if i < n and data[i] == 0x0D:
            i += 2
        elif i < n and data[i] == 0x0A:
            i += 1
        recs.append((data[start:end], fields, bad))
    return recs, blanks


class NumLit(str):
    pass


def trim(s):
    return s.strip(' \t\u3000')


def parse_date(s):
    for pat in (r'(\d{4})-(\d{2})-(\d{2})', r'(\d{4})/(\d{2})/(\d{2})', r'(\d{4})(\d{2})(\d{2})'):
        mt = re.fullmatch(pat, s)
        if mt:
            try:
                return dt.date(*map(int, mt.groups()))
            except ValueError:
                return None
    return None


def parse_ts(s):
    mt = re.fullmatch(r'(\S+) (\d{2}):(\d{2}):(\d{2})', s)
    if not mt:
        return None
    d = parse_date(mt.group(1))
    h, mi, se = map(int, mt.groups()[1:])
    if d is None or h > 23 or mi > 59 or se > 59:
        return None
    return dt.datetime(d.year, d.month, d.day, h, mi, se)


SEEN = {'bool': set(), 'date': set(), 'ts': set(), 'null': set(), 'code': 0, 'label': 0, 'pad_space': 0,
        'pad_ideo': 0}


def check_record(ext, vals, as_of, is_json):
    """vals: column -> raw text (CSV) or JSON value. Returns (codes, parsed tuple, key tuple)."""
    spec = SCHEMA[ext]
    codes, parsed, bad_cols = set(), {}, set()
    sp = {'bool': set(), 'date': set(), 'ts': set(), 'null': set(), 'code': 0, 'label': 0, 'pad_space': 0,
          'pad_ideo': 0}
    ref = REF
    for c in spec['cols']:
        n, t = c['name'], c['type']
        raw = vals.get(n)
        v = None
        if is_json and raw is not None and not isinstance(raw, str):
            if isinstance(raw, NumLit):
                pass
            elif isinstance(raw, bool):
                if t != 'bool':
                    codes.add('BAD_TYPE')
                    bad_cols.add(n)
                    continue
                parsed[n] = raw
                continue
            else:
                codes.add('BAD_TYPE')
                bad_cols.add(n)
                continue
        if is_json and isinstance(raw, NumLit) and t in ('str', 'id'):
            codes.add('BAD_TYPE')
            bad_cols.add(n)
            continue
        if raw is not None:
            s = trim(str(raw))
            if s != str(raw) and not is_json:
                sp['pad_ideo' if '\u3000' in str(raw) else 'pad_space'] += 1
            if s in NULL_TOKENS:
                if not c['req']:
                    sp['null'].add(s)
                s = None
            v = s
        if v is None:
            parsed[n] = None
            if c['req']:
                codes.add('MISSING_REQUIRED')
                bad_cols.add(n)
            continue
        code, pv = None, None
        if t in ('str',):
            pv = v
        elif t == 'id':
            if len(v) == 18 and v[:17].isdigit() and v[:17].isascii() and v[17] in '0123456789Xx' \
                    and check_char(v[:17]) == v[17].upper():
                pv = v.upper()
            else:
                code = 'BAD_ID_NUMBER'
        elif t == 'int':
            if re.fullmatch(r'[+-]?[0-9]+', v):
                pv = int(v)
            else:
                code = 'BAD_NUMBER'
        elif t == 'dec':
            mt = re.fullmatch(r'[+-]?[0-9]+(\.([0-9]+))?', v)
            if mt and (mt.group(2) is None or len(mt.group(2)) <= 4):
                pv = Decimal(v)
            else:
                code = 'BAD_NUMBER'
        elif t == 'date':
            pv = parse_date(v)
            code = None if pv else 'BAD_DATE'
            if pv:
                sp['date'].add('iso' if '-' in v else 'slash' if '/' in v else 'compact')
        elif t == 'ts':
            pv = parse_ts(v)
            code = None if pv else 'BAD_DATE'
            if pv:
                sp['ts'].add('iso' if '-' in v else 'slash' if '/' in v else 'compact')
        elif t == 'bool':
            lv = v.lower()
            if lv in ('是', '1', 'true', 'y'):
                pv = True
            elif lv in ('否', '0', 'false', 'n'):
                pv = False
            else:
                code = 'BAD_TYPE'
            if pv is not None:
                sp['bool'].add(v)
        elif t.startswith('enum_list:'):
            e = t[10:]
            parts = [trim(p) for p in v.split(';') if trim(p)]
            if all(p in ENUM_LOOKUP[e] for p in parts):
                pv = tuple(ENUM_LOOKUP[e][p] for p in parts)
            else:
                code = 'BAD_ENUM'
        elif t.startswith('enum:'):
            e = t[5:]
            if v in ENUM_LOOKUP[e]:
                pv = ENUM_LOOKUP[e][v]
                sp['code' if v == pv else 'label'] += 1
            else:
                code = 'BAD_ENUM'
        elif t in ('village', 'township', 'county'):
            if ref is None or v in ref[t]:
                pv = v
            else:
                code = 'UNKNOWN_REGION'
        elif t == 'region':
            if ref is None or any(v in ref[lv] for lv in ref):
                pv = v
            else:
                code = 'UNKNOWN_REGION'
        else:
            raise AssertionError(t)
        if code:
            codes.add(code)
            bad_cols.add(n)
        parsed[n] = pv
    # ranges, future dates, cross-column rules
    for c in spec['cols']:
        n, t = c['name'], c['type']
        v = parsed.get(n)
        if v is None or n in bad_cols:
            continue
        lim = lambda x: as_of.year if x == 'AS_OF_YEAR' else (Decimal(x) if t == 'dec' else x)
        if 'min' in c and v < lim(c['min']):
            codes.add('OUT_OF_RANGE')
        if 'max' in c and v > lim(c['max']):
            codes.add('OUT_OF_RANGE')
        if c.get('not_after'):
            if (t == 'date' and v > as_of) or (t == 'ts' and v > dt.datetime.combine(as_of, dt.time(23, 59, 59))):
                codes.add('FUTURE_DATE')
        for k, op in (('min_column', lambda a, b: a < b), ('max_column', lambda a, b: a > b)):
            o = c.get(k)
            if o and parsed.get(o) is not None and o not in bad_cols and op(v, parsed[o]):
                codes.add('OUT_OF_RANGE')
        if c.get('matches_id'):
            idv = parsed.get(c['matches_id'])
            if idv is not None and c['matches_id'] not in bad_cols:
                if t == 'date' and v.strftime('%Y%m%d') != idv[6:14]:
                    codes.add('ID_MISMATCH')
                if t.startswith('enum:') and v != ('M' if int(idv[16]) % 2 else 'F'):
                    codes.add('ID_MISMATCH')
        if c.get('level_by') and ref is not None:
            lc, mp = c['level_by']
            lvl = parsed.get(lc)
            if lvl is not None and lc not in bad_cols and v not in ref[mp[lvl]]:
                codes.add('UNKNOWN_REGION')
        rw = c.get('required_when')
    for c in spec['cols']:
        rw = c.get('required_when')
        if rw and parsed.get(c['name']) is None and c['name'] not in bad_cols:
            if rw[0] not in bad_cols and parsed.get(rw[0]) in rw[1]:
                codes.add('MISSING_REQUIRED')
    for chk in spec.get('checks', []):
        _, summands, limit = chk
        if parsed.get(limit) is not None and limit not in bad_cols and not any(s in bad_cols for s in summands):
            if sum((parsed[s] for s in summands if parsed.get(s) is not None), Decimal(0)) > parsed[limit]:
                codes.add('OUT_OF_RANGE')
    tup = tuple(parsed.get(c['name']) for c in spec['cols'])
    key = tuple(parsed.get(k) for k in spec['pk'])
    return codes, tup, key, sp


def reader(path, ext, as_of, kind):
    data = open(path, 'rb').read()
    if path.endswith('.gz'):
        data = gzip.decompress(data)
    bom = data.startswith(b'\xef\xbb\xbf')
    if bom:
        data = data[3:]
    if kind == 'jsonl':
        lines = data.split(b'\n')
        if lines and lines[-1] == b'':
            lines.pop()
        recs = [(ln.rstrip(b'\r'), None, None) for ln in lines if ln.rstrip(b'\r') != b'']
        header_rec = None
    else:
        recs, blanks = split_csv(data)
        header_rec, recs = recs[0], recs[1:]
    # charset detection
    nonascii = [r for r, _, _ in recs if any(b > 0x7F for b in r)]

    def utf8_ok(b):
        try:
            b.decode('utf-8')
            return True
        except UnicodeDecodeError:
            return False
    fails = sum(1 for r in nonascii if not utf8_ok(r))
    charset = 'UTF-8' if bom or not (fails * 2 > len(nonascii)) else 'GB18030'
    enc = 'utf-8' if charset == 'UTF-8' else 'gb18030'
    out = []
    if kind == 'csv':
        header = [trim(h.decode(enc)).lower() for h in header_rec[1]]
    for raw, fields, bad in recs:
        if kind == 'csv':
            assert bad != 'unterminated quote', 'a quote open to the end of the file rejects it (RUNAWAY_QUOTE)'
            if bad or len(fields) != len(header):
                out.append(({'BAD_RECORD'}, None, None, None))
                continue
            try:
                texts = [f.decode(enc) for f in fields]
            except UnicodeDecodeError:
                out.append(({'BAD_ENCODING'}, None, None, None))
                continue
            vals = dict(zip(header, texts))
            out.append(check_record(ext, vals, as_of, False))
        else:
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                out.append(({'BAD_ENCODING'}, None, None, None))
                continue

            def hook(pairs):
                d = {}
                for k, v in pairs:
                    if k in d:
                        raise ValueError('duplicate key')
                    d[k] = v
                return d
            try:
                obj = json.loads(text, parse_int=NumLit, parse_float=NumLit, object_pairs_hook=hook)
            except ValueError:
                obj = None
            if not isinstance(obj, dict):
                out.append(({'BAD_TYPE'}, None, None, None))
                continue
            out.append(check_record(ext, obj, as_of, True))
    # duplicates and conflicting keys among rows that pass every other rule
    seen, firsts = {}, []
    for i, (codes, tup, key, _) in enumerate(out):
        if codes:
            continue
        if tup in seen:
            codes.add('DUPLICATE_ROW')
        else:
            seen[tup] = i
            firsts.append(i)
    bykey = {}
    for i in firsts:
        bykey.setdefault(out[i][2], []).append(i)
    for k, idx in bykey.items():
        if len(idx) > 1:
            for i in idx:
                out[i][0].add('CONFLICTING_KEY')
    for codes, _, _, sp in out:
        if not codes:
            for k, v in sp.items():
                if isinstance(v, set):
                    SEEN[k] |= v
                else:
                    SEEN[k] += v
    return charset, [sorted(c) for c, _, _, _ in out], [None if c else dict(zip(COLS[ext], t)) for c, t, _, _ in out]


FNAME = re.compile(r'^([a-z_]+)_(\d{8})\.(csv|jsonl)(\.gz)?$')


def file_level(root, relpath):
    """File-level verdict for the self-check of file-faults/."""
    parts = relpath.split('/')
    if len(parts) != 2:
        return 'BAD_LOCATION'
    src, name = parts
    sources = {s['source'] for s in SCHEMA.values()}
    if src not in sources:
        return 'UNKNOWN_SOURCE'
    mt = FNAME.match(name)
    if not mt:
        return 'BAD_FILE_NAME'
    try:
        dt.datetime.strptime(mt.group(2), '%Y%m%d')
    except ValueError:
        return 'BAD_FILE_NAME'
    ext = mt.group(1)
    if ext not in SCHEMA:
        return 'UNKNOWN_EXTRACT'
    if SCHEMA[ext]['source'] != src:
        return 'WRONG_SOURCE'
    data = open(os.path.join(root, relpath), 'rb').read()
    if mt.group(4):
        try:
            data = gzip.decompress(data)
        except (EOFError, OSError, zlib.error):
            return 'UNREADABLE'
    recs, _ = split_csv(data)
    if any(bad == 'unterminated quote' or raw.count(b'\n') > 100 for raw, _, bad in recs):
        return 'RUNAWAY_QUOTE'
    if not data:
        return 'NO_HEADER'
    header = [trim(h).lower() for h in data.split(b'\n')[0].decode('utf-8').split(',')]
    if not all(re.fullmatch(r'[^\W\d][\w \u3000]*', h) for h in header):
        return 'NO_HEADER'   # a header is column names: letters, digits, _ and spaces, not starting with a digit
    if len(set(header)) != len(header):
        return 'DUPLICATE_HEADER'
    if any(c['req'] and c['name'] not in header for c in SCHEMA[ext]['cols']):
        return 'MISSING_REQUIRED_COLUMN'
    return None


# ---------------------------------------------------------------------------------------------
# 11b. expected-silver.json: what silver excludes and counts (EXTRACTS.md "Referential integrity")
# ---------------------------------------------------------------------------------------------

LINKS_CHECKED = {   # extract -> [(link name, column, parent)]; parent 'households_same' = the same as-of date
    'members': [('household', 'household_id', 'households_same')],
    'assistance': [('household', 'household_id', 'households_any')],
    'shop_household_links': [('shop', 'shop_id', 'shops_any'), ('household', 'household_id', 'households_any')],
    'orders': [('shop', 'shop_id', 'shops_any')],
    'shops': [('operator_household', 'operator_household_id', 'households_any')],
}
PERSON_EXTRACTS = ('inpatient_claims', 'enrollment', 'training')   # marked "not registered", never excluded
REMOVES_ROW = {'members', 'assistance', 'shop_household_links', 'orders'}   # a shop stays without its operator link


def accepted_of(files, rows_of):
    """{extract: {year: [(file, record number, typed row)]}} of the accepted records of `files`."""
    acc = {}
    for f in files:
        y = int(f.rel.split('_')[-1][:4])
        for i, row in enumerate(rows_of(f), 1):
            if row is not None:
                acc.setdefault(f.ext, {}).setdefault(y, []).append((f.rel, i, row))
    return acc


def silver(acc, years):
    """The expected silver outcome of ingesting the accepted rows of the deliveries dated in `years`.
    Returns (the scenario's JSON object, {(file, record): what}) for orphans and persons not registered."""
    years = sorted(years)
    day = lambda y: f'{y}-12-31'
    name = lambda e: f"{SCHEMA[e]['source']}_{e}"
    get = lambda e, y: acc.get(e, {}).get(y, [])
    hs = {y: {r['household_id']: r for _, _, r in get('households', y)} for y in years}
    for y in years:
        assert len(hs[y]) == len(get('households', y)), 'household_id repeats among accepted rows'
    parents = {'households_any': {h for y in years for h in hs[y]},
               'shops_any': {r['shop_id'] for y in years for _, _, r in get('shops', y)}}

    def missing(ext, y, row):
        out = []
        for link, col, parent in LINKS_CHECKED.get(ext, []):
            v = row[col]
            if v is None:
                continue
            known = hs[y] if parent == 'households_same' else parents[parent]
            if v not in known:
                out.append(link)
        return out

    def versions(ext):
        """Snapshots: every accepted row with its date. Events: each key once, its latest version."""
        if SCHEMA[ext]['kind'] == 'snapshot':
            return [(y, f, i, r) for y in years for f, i, r in get(ext, y)]
        latest = {}
        for y in years:
            seen = set()
            for f, i, r in get(ext, y):
                k = tuple(r[c] for c in SCHEMA[ext]['pk'])
                assert k not in seen, (ext, y, k)
                seen.add(k)
                latest[k] = (y, f, i, r)
        return sorted(latest.values(), key=lambda v: (v[0], v[1], v[2]))

    orphans, not_reg, rows, flagged = {}, {}, {}, {}
    members_ok = {y: [] for y in years}
    for y, f, i, r in versions('members'):
        if not missing('members', y, r):
            members_ok[y].append(r)
    registered = {r['id_number'] for y in years for r in members_ok[y]}
    for ext in EXTRACT_ORDER:
        kind = SCHEMA[ext]['kind']
        count = {}
        for y, f, i, r in versions(ext):
            gone = missing(ext, y, r)
            for link in gone:
                orphans[(name(ext), day(y), link)] = orphans.get((name(ext), day(y), link), 0) + 1
                flagged.setdefault((f, i), []).append(f'orphan ({link})')
            if ext in PERSON_EXTRACTS and r['id_number'] not in registered:
                not_reg[(name(ext), day(y))] = not_reg.get((name(ext), day(y)), 0) + 1
                flagged.setdefault((f, i), []).append('not registered')
            if not (gone and ext in REMOVES_ROW):
                count[day(y)] = count.get(day(y), 0) + 1
        if kind == 'snapshot':
            rows[name(ext)] = {day(y): count.get(day(y), 0) for y in years if get(ext, y)}
        else:
            rows[name(ext)] = sum(count.values())
    signals = {}
    for y in years:
        per_hh, homes = {}, {}
        for r in members_ok[y]:
            per_hh[r['household_id']] = per_hh.get(r['household_id'], 0) + 1
            homes.setdefault(r['id_number'], set()).add(r['household_id'])
        signals[day(y)] = dict(
            households=len(hs[y]),
            size_mismatch_households=sum(1 for h, r in hs[y].items() if r['household_size'] != per_hh.get(h, 0)),
            member_rows=len(members_ok[y]),
            persons_in_multiple_households=sum(1 for v in homes.values() if len(v) >= 2))
    returned = []
    if 2019 in years and 2020 in years:
        returned = sorted(h for h, r in hs[2019].items() if r['status'] == 'EXITED' and r['exit_year'] == 2019
                          and h in hs[2020] and hs[2020][h]['status'] == 'RETURNED')
    out = dict(
        orphans=[dict(extract=e, as_of_date=d, link=l, rows=n) for (e, d, l), n in sorted(orphans.items()) if n],
        not_registered=[dict(extract=e, as_of_date=d, rows=n) for (e, d), n in sorted(not_reg.items()) if n],
        silver_rows=rows, exited_2019_returned_2020=returned, signals=signals)
    return out, flagged


# ---------------------------------------------------------------------------------------------
# 12. README
# ---------------------------------------------------------------------------------------------

README_HEAD = """# povlake sample data

Generated by `make_sample_data.py` (Python 3 standard library only, fixed seed {seed}). Regenerate with

```
python3 sample-data/make_sample_data.py
```

It deletes and rewrites `inbox/`, `file-faults/`, `expected-ingest.json`, `expected-silver.json` and this
README, writes the same bytes every time, and then re-reads every file with an independent reader of the
contract (`shared/contract/EXTRACTS.md`, `schemas/README.md`) and fails if any record's reason codes differ
from the injected ones. It never runs povlake. `expected-ingest.json` is what the ingest must report;
`expected-silver.json` is what silver must exclude and count (see "Orphans" below).

All people, names, resident IDs and amounts are invented. The resident IDs are *valid* GB 11643 numbers
(area code = the household's county, birth date, sequence with the sex parity, check character), so
treat the files as personal data anyway: they exist to exercise the PII handling.

## What is in the inbox

Real NBS division codes (2023 vintage, `shared/reference/`), three counties in two cities:

| city | county | townships used (admin villages; community) |
|---|---|---|
{county_rows}

Each of the 15 extracts is delivered three times: as of **20181231**, **20191231** and **20201231** ({n_files} files).
Snapshot extracts hold the full state; event extracts (assistance, inpatient_claims, training, orders)
hold that year's events (the 2018 assistance delivery also carries 2016-2017 history), and each 2019
event delivery re-sends one row of 2018 with a change (same primary key, a correction):
{corrections}

Each 2020 event delivery likewise re-sends one row of 2019 with a change:
{corrections20}

| file | charset | read | accepted | quarantined | format features |
|---|---|---|---|---|---|
{file_rows}

Total: {n_read} data records ({n_acc} accepted, {n_q} quarantined) in {n_files} files.

The story in the data (for the METRICS.md indicators):

- 2018: {hh18} households (registered: POOR {poor18}, EXITED {ex18}); 2019: {hh19} households (two identified
  in 2019). In 2019 {n_exit} households exit (exit_year 2019; one of them, {exit_fail}, fails exit compliance:
  a member has no insurance row for 2019); {ret} was 已脱贫 (exit 2017) in 2018 and is 返贫 in 2019;
  {rem} is 清退 (REMOVED) in 2019; {dis} is 自然减少 (its only member died: no member rows in 2019);
  {rel} is relocated (易地扶贫搬迁) to the county-seat community 621121100001 in 2019 and keeps its household_id;
  {ovd} is still 未脱贫 in 2019 with an income above 2·L(2019) (an exit-overdue lead) and declares one more
  member than it lists.
- 2020: {hh20} households. {n_exit20} households exit (exit_year 2020), among them {ret}
  (返贫 in 2019, exit_year 2017 → 2020); {ret20} were 已脱贫 in 2019 (exit_year 2019) and are 返贫 in 2020
  (exit_year stays 2019); {rem20} is 清退 (REMOVED) in 2020 (income well above the line); {reid} (清退 in 2019)
  is identified again and is 未脱贫 in 2020 (same household_id; its identification_year is kept); {dis} (自然减少
  in 2019) is no longer in the 2020 snapshot; {new20} are identified in 2020 (未脱贫); {still} stays 未脱贫;
  {baby} has a baby born in 2020 that it has not declared (household_size one less than its member rows).
  SHOP0002's operator household {dis} is in the 2018 and 2019 snapshots only (its operator link still joins:
  any snapshot). The poor villages have all exited by 2020; network, telemedicine and schools improve; the
  point planned for 2020 is open; SHOP0011 opens in 2020.
- One person is a member of two households ({dup_hh}) in every snapshot: 一人多户.
- ~4 members per household; children aged 6-15 on Aug 31 have enrollment rows with school_year = the
  snapshot's year, except a few not enrolled, one 休学 (2018), one 辍学 (2019; back at school in 2020) and one
  transfer (2019, two rows).
- Insurance rows (year = the snapshot's year) for nearly every member; a few missing or basic_medical = 否;
  the registry's medical_insurance flag disagrees with health data for a few people.
- Seven poor villages (designated 2014-2016; exits in 2017, 2018, 2019 and 2020); network rows for 1-4 operators
  per village, improving in 2019 and 2020; county hospitals (telemedicine completes in 2019), township centres,
  village clinics; schools (broadband, multimedia classrooms); service points at county, township and
  village level (one closes on 2019-06-30, some open in 2019, one is planned for 2020); shops (SHOP0002 is run
  by a poor household), links, and orders in both directions with COMPLETED, REFUNDED and CANCELLED.

## Orphans and persons not registered: expected-silver.json

Referential integrity is not checked at ingest (EXTRACTS.md); silver leaves orphans out and counts them, and
keeps (and marks) claims, enrollments and trainings of people who are in no members row. These accepted rows
exist for that:

| file | record | what |
|---|---|---|
{orphan_rows}

`expected-silver.json` holds, for two scenarios — `all` (the 45 files) and `through_2019` (only the 2018 and
2019 files) — the orphans per extract, as-of date and link, the rows not registered, the rows that reach
silver per extract (snapshots: per as-of date, accepted rows minus orphans, a shop losing only its operator
link; events: distinct primary keys in their latest version minus orphans), the households 已脱贫 (2019) →
返贫 (2020), and per households snapshot the number of households, of households whose household_size
differs from their (non-orphan) member rows, of member rows and of persons in several households. Every
count is over accepted rows; an event row counts under the delivery of its latest version. The generator
computes it from its model and again from what its independent reader accepted, and fails unless both agree
and the orphans found are exactly the rows above.

| scenario | orphans | not registered | signals (households / size mismatches / member rows / 一人多户) |
|---|---|---|---|
{silver_rows_md}

## Every deliberate row-level fault

Record numbers are 1-based over data records (the header is not one, a blank line is not one, a quoted
newline does not start one; JSONL: the line number).

| file | record | column | fault | expected reason code(s) |
|---|---|---|---|---|
{fault_rows}

Reason codes covered (rows carrying each, whole inbox): {reason_totals}.

Precedence applied (EXTRACTS.md): DUPLICATE_ROW / CONFLICTING_KEY are judged only among rows that pass every
other rule; copies collapse first (later copies → DUPLICATE_ROW only), then all remaining rows that share a
key → CONFLICTING_KEY; ID_MISMATCH only for an ID that passed BAD_ID_NUMBER; a BAD_RECORD row gets only
BAD_RECORD; a BAD_ENCODING row gets only BAD_ENCODING; a row with two faults counts once in `quarantined`
and once under each code.

## Accepted spellings exercised in valid rows

- Booleans: 是/否, 1/0, true/false, Y/N, TRUE, y (households 2018 cycles all of them; others use 是/否, 1/0 or Y/N).
- Dates: YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD; timestamps with each date form (orders 2018); an order at
  23:59:59 on the as-of date (not in the future).
- Enumerations as Chinese labels, some as English codes.
- Null tokens in optional columns: empty, NULL, null, N/A, /, -, —, 无 (and in JSONL a JSON null and a missing key).
- Values padded with spaces and with the full-width space U+3000.
- A quoted field with a comma, doubled quotes and a newline: in a contract column (registry/households_20191231.csv,
  helper_cadre_id written as free text, valid for a `str`) and in the extra column `remark` (telecom 2019).
- CRLF line endings (registry/households_20181231.csv); columns in a non-contract order with padded,
  mixed-case header names (health/facilities_20191231.csv); an extra column (telecom 2019 `remark`; JSONL
  `poverty_product`); a missing optional column (education/schools_20181231.csv without `students`);
  GB18030 without BOM (telecom/village_network_20181231.csv); UTF-8 with BOM (education/schools_20191231.csv);
  one JSONL file (ecommerce/orders_20191231.jsonl); one gzip file
  (health/insurance_enrollment_20191231.csv.gz); a blank line (registry/poor_villages_20191231.csv).

## file-faults/: file-level rejections

A second inbox; each file is otherwise small and valid-looking. Expected outcome in
`expected-ingest.json` under `"file-faults"`.

| file | expected | why |
|---|---|---|
{ff_rows}

## Readings where the contract is silent

{readings}
"""

READINGS = [
    'A file at the inbox root (not inside a source folder) is `BAD_LOCATION`; the folder is judged before the '
    'name, so `weather/rain_20191231.csv` is `UNKNOWN_SOURCE` (not `UNKNOWN_EXTRACT`).',
    'A file name with a non-existent date and a name without a date are both `BAD_FILE_NAME`; an empty '
    '(0-byte) file is `NO_HEADER`; a truncated gzip is `UNREADABLE`.',
    'A JSON number in an `int` column that is not an integer literal (2.5) is `BAD_NUMBER` (the literal text is '
    'parsed by the contract type), not `BAD_TYPE`.',
    'Text after a closing quote in the last record of education/training_20191231.csv (`"电商培训"（线上）`) makes '
    'that record `BAD_RECORD`; a quote never closed (file-faults/education/enrollment_20191231.csv) rejects the '
    'whole file (`RUNAWAY_QUOTE`) rather than load it with the rows it swallowed.',
    'A CSV whose first row is not column names (file-faults/registry/members_20191231.csv: data, a resident ID '
    'and a name) is `NO_HEADER`, and nothing of that row is repeated in any message, log row or report.',
    'The extra JSONL key `poverty_product` is schema drift like an extra CSV column (kept in bronze, reported once).',
    'A value of only spaces or only U+3000 is null, so in a required column it is `MISSING_REQUIRED`; '
    '`Null` (not a token) in a boolean column is `BAD_TYPE`; a lower-case enumeration code (`child`) is `BAD_ENUM`.',
    'An exit_year of an exited household written as a null token (`N/A`) is the conditionally required value '
    'missing: `MISSING_REQUIRED`.',
    'A TOWNSHIP_STATION whose region_code is a (real) village code is `UNKNOWN_REGION` (wrong level).',
    'Event deliveries: 2018 events are in the 20181231 file (assistance also carries 2016-2017 history); '
    'the 20191231 file holds 2019 events plus one correction of a 2018 row, the 20201231 file 2020 events plus '
    'one correction of a 2019 row.',
    'A household re-identified after 清退 keeps its household_id and its identification_year; a household that '
    'returns to poverty keeps the exit_year of its last exit.',
    'A households row that is quarantined never reaches silver, so its members are orphans '
    '(registry/members_20201231.csv).',
    'A measure may precede its household\'s first households snapshot (registry/assistance_20191231.csv, last '
    'record): an orphan until that snapshot is ingested, then it joins.',
]


# ---------------------------------------------------------------------------------------------
# 13. main
# ---------------------------------------------------------------------------------------------


def main():
    global REF
    for b in (build_households, build_members, build_poor_villages, build_assistance, build_network,
              build_insurance, build_claims, build_facilities, build_schools, build_enrollment, build_training,
              build_service_points, build_shops, build_links, build_orders):
        b()
    ff, ok = build_file_faults()   # from the 2019 model, before the 2020 model changes it
    model_2020()                   # after the 2018 and 2019 files, from its own random stream
    build_2020()
    FILES.sort(key=lambda f: (EXTRACT_ORDER.index(f.ext), f.rel))

    for d in ('inbox', 'file-faults'):
        shutil.rmtree(os.path.join(HERE, d), ignore_errors=True)
    expected = {'inbox': {}, 'file-faults': {}}
    for f in FILES:
        data = render(f)
        if f.gz:
            data = gzip.compress(data, compresslevel=9, mtime=0)
        write(os.path.join(HERE, 'inbox', f.rel), data)
        expected['inbox'][f.rel] = expected_of(f)
    for p, data, code, why in ff:
        write(os.path.join(HERE, 'file-faults', p), data)
        expected['file-faults'][p] = {'status': 'rejected', 'rejection': code}
    write(os.path.join(HERE, 'file-faults', ok[0]), ok[1])
    expected['file-faults'][ok[0]] = dict(status='loaded', read=0, accepted=0, quarantined=0, by_reason={},
                                          charset='UTF-8')
    expected['inbox'] = dict(sorted(expected['inbox'].items()))
    expected['file-faults'] = dict(sorted(expected['file-faults'].items()))
    write(os.path.join(HERE, 'expected-ingest.json'),
          (json.dumps(expected, ensure_ascii=False, indent=2) + '\n').encode('utf-8'))
    for f in FILES:
        for i, rec in enumerate(f.recs, 1):
            assert rec.codes or rec.row is not None, (f.rel, i)
    acc = accepted_of(FILES, lambda f: [None if rec.codes else rec.row for rec in f.recs])
    scenarios = {'all': silver(acc, (2018, 2019, 2020)), 'through_2019': silver(acc, (2018, 2019))}
    notes = [f'inbox/{f.rel} record {i}: {rec.note}' for f in FILES for i, rec in enumerate(f.recs, 1) if rec.note]
    noted = {(f.rel, i) for f in FILES for i, rec in enumerate(f.recs, 1) if rec.note}
    expected_silver = {
        'notes': ['Computed by make_sample_data.py from its own model (never by running povlake); counts are over '
                  'accepted rows only; event extracts count each primary key once, in its latest version, under '
                  'that version\'s delivery. "all" = the 45 files of inbox/, "through_2019" = its 2018 and 2019 '
                  'files only.'] + notes,
        'scenarios': {k: v[0] for k, v in scenarios.items()}}
    write(os.path.join(HERE, 'expected-silver.json'),
          (json.dumps(expected_silver, ensure_ascii=False, indent=2, sort_keys=True) + '\n').encode('utf-8'))
    write_readme(expected, ff, ok, expected_silver)

    # ----- self-check -----
    REF = load_reference()
    if REF is not None:
        for v in ALL_VILLAGES:
            assert v in REF['village'], v
        for v, _ in ADMIN_VILLAGES:
            assert 200 <= int(v[9:12]) <= 399, v
        for cty, cs in TOWNSHIPS.items():
            for t, _ in cs:
                assert t in REF['township'], t
    for x in ALL_VALID_IDS:
        assert id_valid(x), x
    problems = []
    totals = {}
    for f in FILES:
        exp = expected['inbox'][f.rel]
        assert exp['read'] == exp['accepted'] + exp['quarantined'], f.rel
        y = int(f.rel.split('_')[-1][:4])
        charset, got, parsed = reader(os.path.join(HERE, 'inbox', f.rel), f.ext, AS_OF[y], f.kind)
        PARSED[f.rel] = parsed
        if charset != f.charset:
            problems.append(f'{f.rel}: charset {charset} != {f.charset}')
        if len(got) != len(f.recs):
            problems.append(f'{f.rel}: {len(got)} records read, {len(f.recs)} written')
        for i, (g, rec) in enumerate(zip(got, f.recs), 1):
            if REF is None and 'UNKNOWN_REGION' in rec.codes:
                continue                      # cannot judge regions without the reference
            if g != rec.codes:
                problems.append(f'{f.rel} record {i}: reader {g} != injected {rec.codes} ({rec.fault})')
        for c, k in exp['by_reason'].items():
            totals[c] = totals.get(c, 0) + k
        for rec in f.recs:
            if not rec.codes and rec.raw is None and f.kind == 'csv':
                for c in SCHEMA[f.ext]['cols']:
                    if c['type'] == 'id' and c['name'] in rec.vals:
                        assert id_valid(trim(rec.vals[c['name']])), (f.rel, rec.vals)
    # expected-silver.json again, from the rows the independent reader accepted
    acc2 = accepted_of(FILES, lambda f: PARSED[f.rel])
    for k, (want, flagged) in scenarios.items():
        got2, flagged2 = silver(acc2, (2018, 2019, 2020) if k == 'all' else (2018, 2019))
        if got2 != want:
            problems.append(f'expected-silver.json ({k}) differs when computed from the reader: {got2} != {want}')
        if flagged2 != flagged:
            problems.append(f'orphans/not registered ({k}) differ when computed from the reader')
    flagged_any = set(scenarios['all'][1]) | set(scenarios['through_2019'][1])
    if flagged_any != noted:
        problems.append(f'orphan/not-registered rows {sorted(flagged_any)} != annotated rows {sorted(noted)}')
    story = scenarios['all'][0]
    if len(story['exited_2019_returned_2020']) < 2:
        problems.append('fewer than two households 已脱贫 (2019) → 返贫 (2020)')
    for want in (('registry_members', 'household'), ('registry_assistance', 'household'),
                 ('ecommerce_shop_household_links', 'shop'), ('ecommerce_shop_household_links', 'household'),
                 ('ecommerce_orders', 'shop'), ('ecommerce_shops', 'operator_household')):
        if not any((o['extract'], o['link']) == want for o in story['orphans']):
            problems.append(f'no orphan {want} in scenario all')
    if not any(o['extract'] == 'registry_assistance' and o['as_of_date'] == '2019-12-31'
               for o in scenarios['through_2019'][0]['orphans']):
        problems.append('no 2019 assistance orphan in scenario through_2019')
    if {e['extract'] for e in story['not_registered']} != {'health_inpatient_claims', 'education_enrollment',
                                                          'education_training'}:
        problems.append(f"not registered: {story['not_registered']}")
    if story['signals']['2020-12-31']['persons_in_multiple_households'] < 1 or \
            story['signals']['2020-12-31']['size_mismatch_households'] < 1:
        problems.append(f"2020 signals: {story['signals']['2020-12-31']}")
    hh = {y: {r['household_id']: r for _, _, r in acc['households'][y]} for y in (2019, 2020)}
    rid = ROLE['removed']['id']
    if not (hh[2019][rid]['status'] == 'REMOVED' and hh[2020][rid]['status'] == 'POOR'):
        problems.append(f'{rid} is not re-identified in 2020')
    if not [h for h, r in hh[2020].items() if r['status'] == 'REMOVED' and h in hh[2019]
            and hh[2019][h]['status'] != 'REMOVED']:
        problems.append('no household removed in 2020')
    if not [h for h in hh[2019] if h not in hh[2020]]:
        problems.append('no household of 2019 is absent in 2020')
    if not [h for h, r in hh[2020].items() if r['identification_year'] == 2020]:
        problems.append('no household identified in 2020')
    if not [h for h, r in hh[2020].items() if r['exit_year'] == 2020 and r['status'] == 'EXITED']:
        problems.append('no household exits in 2020')
    gbf = next(f for f in FILES if f.charset == 'GB18030')
    try:
        open(os.path.join(HERE, 'inbox', gbf.rel), 'rb').read().decode('utf-8')
        problems.append('the GB18030 file decodes as UTF-8')
    except UnicodeDecodeError:
        pass
    assert sum(1 for f in FILES if f.charset == 'GB18030') == 1
    assert sum(1 for f in FILES if f.gz) == 1 and sum(1 for f in FILES if f.kind == 'jsonl') == 1
    for f in FILES:
        if f.gz:
            gzip.decompress(open(os.path.join(HERE, 'inbox', f.rel), 'rb').read())
    for p, data, code, why in ff:
        verdict = file_level(os.path.join(HERE, 'file-faults'), p)
        if verdict != code:
            problems.append(f'file-faults/{p}: reader says {verdict}, expected {code}')
    if file_level(os.path.join(HERE, 'file-faults'), ok[0]) is not None:
        problems.append('file-faults valid file rejected')
    for c in REASONS:
        if c not in totals:
            problems.append(f'reason code {c} never occurs')
    for c in FILE_REASONS:
        if not any(code == c for _, _, code, _ in ff):
            problems.append(f'file-level code {c} never occurs')
    missing = [b for b in TRUE_FORMS + FALSE_FORMS if b not in SEEN['bool']]
    if missing:
        problems.append(f'boolean spellings never used in valid rows: {missing}')
    if SEEN['date'] != {'iso', 'slash', 'compact'} or SEEN['ts'] != {'iso', 'slash', 'compact'}:
        problems.append(f'date forms: {SEEN["date"]}, ts forms: {SEEN["ts"]}')
    if not (SEEN['code'] and SEEN['label'] and SEEN['pad_space'] and SEEN['pad_ideo']):
        problems.append(f'codes/labels/padding not all used: {SEEN}')
    unused_nulls = [t for t in NULL_TOKENS if t not in SEEN['null']]
    if unused_nulls:
        problems.append(f'null tokens never used in optional columns: {unused_nulls}')
    size = 0
    for base, _, files in os.walk(HERE):
        for fn in files:
            size += os.path.getsize(os.path.join(base, fn))
    if size >= 2 * 1024 * 1024:
        problems.append(f'sample-data is {size} bytes')
    if problems:
        print('SELF-CHECK FAILED:', *problems, sep='\n  ', file=sys.stderr)
        sys.exit(1)
    n = sum(e['read'] for e in expected['inbox'].values())
    q = sum(e['quarantined'] for e in expected['inbox'].values())
    print(f'ok: {len(FILES)} inbox files, {n} records ({n - q} accepted, {q} quarantined), '
          f'{len(ff) + 1} file-faults files, {size} bytes in sample-data/')
    print('rows carrying each reason code:', json.dumps(dict(sorted(totals.items())), ensure_ascii=False))


def write_readme(expected, ff, ok, expected_silver):
    county_rows = []
    for cty, cname, city, cityname in COUNTIES:
        towns = []
        for t, tn in TOWNSHIPS[cty][1:]:
            vs = ', '.join(f'{v} {VILLAGE_NAME[v]}' for v, _ in ADMIN_VILLAGES if v.startswith(t))
            towns.append(f'{t} {tn} ({vs})')
        com, comn = COMMUNITIES[cty]
        towns.append(f'{TOWNSHIPS[cty][0][0]} {TOWNSHIPS[cty][0][1]} (community {com} {comn})')
        county_rows.append(f'| {city} {cityname} | {cty} {cname} | ' + '; '.join(towns) + ' |')
    file_rows, fault_rows = [], []
    for f in FILES:
        e = expected['inbox'][f.rel]
        file_rows.append(f'| inbox/{f.rel} | {e["charset"]} | {e["read"]} | {e["accepted"]} | {e["quarantined"]} | '
                         + '; '.join(f.features) + ' |')
        for i, rec in enumerate(f.recs, 1):
            if rec.codes:
                fault_rows.append(f'| inbox/{f.rel} | {i} | {rec.col} | {md(rec.fault)} | {", ".join(rec.codes)} |')
    totals = {}
    for e in expected['inbox'].values():
        for c, k in e['by_reason'].items():
            totals[c] = totals.get(c, 0) + k
    ff_rows = [f'| file-faults/{p} | rejected: {code} | {why} |' for p, _, code, why in ff]
    ff_rows.append(f'| file-faults/{ok[0]} | loaded, 0 rows | {ok[3]} |')
    n = sum(e['read'] for e in expected['inbox'].values())
    q = sum(e['quarantined'] for e in expected['inbox'].values())
    hh18 = HH_BY_YEAR[2018]
    orphan_rows = [f'| inbox/{f.rel} | {i} | {md(rec.note)} |' for f in FILES for i, rec in enumerate(f.recs, 1)
                   if rec.note]
    silver_md = []
    for k, sc in sorted(expected_silver['scenarios'].items()):
        orph = ', '.join(f"{o['extract']} {o['as_of_date']} {o['link']} {o['rows']}" for o in sc['orphans'])
        nreg = ', '.join(f"{o['extract']} {o['as_of_date']} {o['rows']}" for o in sc['not_registered']) or '—'
        sig = '; '.join(f"{d}: {v['households']} / {v['size_mismatch_households']} / {v['member_rows']} / "
                        f"{v['persons_in_multiple_households']}" for d, v in sorted(sc['signals'].items()))
        silver_md.append(f'| {k} | {orph} | {nreg} | {sig} |')
    hh20 = HH_BY_YEAR[2020]
    text = README_HEAD.format(
        corrections20='\n'.join(f'- `{e}`: {k} ({what})' for e, k, what in CORRECTIONS_2020),
        hh20=len(hh20), n_exit20=sum(h['status'][2020] == 'EXITED' and h['exit'][2020] == 2020 for h in hh20),
        ret20=' and '.join(h['id'] for h in ROLE20['returned']), rem20=ROLE20['removed']['id'],
        reid=ROLE20['reidentified']['id'], new20=' and '.join(h['id'] for h in NEW_2020),
        still=ROLE20['still_poor']['id'], baby=ROLE20['undeclared_baby']['id'],
        orphan_rows='\n'.join(orphan_rows), silver_rows_md='\n'.join(silver_md),
        seed=SEED, county_rows='\n'.join(county_rows),
        corrections='\n'.join(f'- `{e}`: {k} ({what})' for e, k, what in CORRECTIONS),
        file_rows='\n'.join(file_rows), n_read=n, n_acc=n - q, n_q=q, n_files=len(FILES),
        hh18=len(hh18), poor18=sum(h['status'][2018] == 'POOR' for h in hh18),
        ex18=sum(h['status'][2018] == 'EXITED' for h in hh18), hh19=len(HH_BY_YEAR[2019]), n_exit=len(EXIT_2019),
        exit_fail=ROLE['exit_fail']['id'], ret=ROLE['returned']['id'], rem=ROLE['removed']['id'],
        dis=ROLE['dissolved']['id'], rel=ROLE['relocated']['id'], ovd=ROLE['overdue']['id'],
        dup_hh=f"{_donor['id']} and {_young['id']}", fault_rows='\n'.join(fault_rows),
        reason_totals=', '.join(f'{c} {totals.get(c, 0)}' for c in REASONS),
        ff_rows='\n'.join(ff_rows), readings='\n'.join(f'- {r}' for r in READINGS))
    write(os.path.join(HERE, 'README.md'), text.encode('utf-8'))


def md(s):
    return s.replace('|', '\\|').replace('\n', ' ')


if __name__ == '__main__':
    main()
