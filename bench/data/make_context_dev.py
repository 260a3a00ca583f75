"""Generate bench/data/context_dev.jsonl: a hand-written ConText development set.

Written before the history rules of issue 8 were reworked, from how clinicians write notes
(not from the NegEx / ConText kit), so that the rules can be tuned on something other than
the kit's tuning half: past vs current conditions said in many ways (history lists with and
without a header in the same sentence, s/p, prior, remote, dates, ages, "years ago", "last
admission", resolved, treated for, "was diagnosed with ... and is now ..."), present
conditions that must not be called history (presents with, currently, today, new, acute on
chronic, worsening, "history" meaning the present illness, "for the past 3 days",
long-standing conditions that are still there), negated and family sentences.

Each line below is ``LABELS|sentence`` with the condition marked ``[[...]]``. LABELS: ``H``
historical, ``R`` recent (the default temporality), ``Y`` hypothetical; ``N`` negated; ``F``
experienced by someone else. The records have the kit's shape:
``{"id", "text", "concept": {"start", "end", "text"}, "temporality", "negation",
"experiencer"}``.

    python bench/data/make_context_dev.py > bench/data/context_dev.jsonl
    python bench/data/make_context_dev.py check > bench/data/context_check.jsonl
    python bench/data/make_context_dev.py check2 > bench/data/context_check2.jsonl
"""

from __future__ import annotations

import json
import re
import sys

SENTENCES = """
H|Past medical history: [[hypertension]], hyperlipidemia and gout.
H|Past medical history: hypertension, [[hyperlipidemia]] and gout.
H|PMH: DM2, CAD, [[COPD]].
H|PMH significant for [[atrial fibrillation]] on warfarin.
H|PMH includes asthma and [[depression]].
H|Medical history is notable for [[rheumatic fever]].
H|He has a past medical history of [[hypertension]] and diabetes.
H|She has a history of [[breast cancer]] treated with lumpectomy and radiation.
H|History of [[pulmonary embolism]] in 2015, completed six months of anticoagulation.
H|Hx of [[nephrolithiasis]].
H|h/o [[DVT]] 2018.
H|He is status post [[myocardial infarction]] in 2010.
H|S/P [[cholecystectomy]] for gallstones.
H|Status post [[appendectomy]] as a child.
H|Prior [[stroke]] with residual left-sided weakness.
H|Previous [[myocardial infarction]] treated with a stent.
H|Remote [[tuberculosis]], treated.
H|Remote history of [[peptic ulcer disease]].
H|She had [[pneumonia]] in 2012.
H|In 2009 he was treated for [[Hodgkin lymphoma]].
H|He had [[rheumatic fever]] as a child.
H|As a teenager she was diagnosed with [[scoliosis]].
H|[[Asthma]] as a child, outgrown.
H|She had [[chickenpox]] in childhood.
H|He had [[hepatitis A]] many years ago.
H|[[Kidney stones]] ten years ago.
H|A [[stroke]] five years ago left him with mild aphasia.
H|Two years ago she had a [[transient ischemic attack]].
H|He was hospitalized last year for [[pancreatitis]].
H|She was admitted last winter with [[COPD exacerbation]].
H|During her last admission she was treated for [[urinary tract infection]].
H|On his last admission he had [[delirium]].
H|At her previous visit she had [[otitis media]].
H|[[Gestational diabetes]] with her second pregnancy.
H|She had [[postpartum depression]] after her first child.
H|[[Hepatitis C]], treated and cured in 2017.
H|[[Hepatitis C]] status post treatment with sustained virologic response.
H|Her [[Graves disease]] was treated with radioactive iodine in 2005.
H|He was treated for [[syphilis]] in his twenties.
H|She was treated for [[Lyme disease]] last summer.
H|[[Shingles]] last year, resolved.
H|[[Pneumonia]] in March, resolved with antibiotics.
H|The [[cellulitis]] resolved after a course of cephalexin last month.
H|Her [[Bell's palsy]] has since resolved.
H|He was diagnosed with [[prostate cancer]] in 2011 and is now in remission.
H|She was diagnosed with [[breast cancer]] eight years ago and is now on surveillance only.
H|He was diagnosed with [[diabetes]] 10 years ago and now presents with a foot ulcer.
H|History of [[hypertension]] who presents with headache.
H|History of [[COPD]], presents today with fever.
H|Patient with a history of [[seizure disorder]] presenting with a fall.
H|A 64-year-old man with a history of [[coronary artery disease]] presents with chest pain.
H|A 58-year-old woman with [[hypothyroidism]] and anemia who presents with fatigue.
H|72 y/o F w/ h/o [[CHF]] p/w dyspnea.
H|Known [[epilepsy]], well controlled on levetiracetam.
H|He is known to have [[sickle cell trait]].
H|Previously diagnosed with [[sleep apnea]].
H|She was previously treated for [[tuberculosis]].
H|[[Tonsillectomy]] at age 6.
H|[[Hysterectomy]] in 1998 for fibroids.
H|Surgical history: [[appendectomy]], cholecystectomy.
H|Past surgical history is significant for [[hernia repair]].
H|PSH: [[CABG]] 2014.
H|Prior history of [[alcohol dependence]], sober for 12 years.
H|He used to have [[migraines]].
H|She had a [[miscarriage]] in 2019.
H|He suffered a [[concussion]] playing football in high school.
H|[[Measles]] in childhood.
H|Previous episodes of [[diverticulitis]] in 2016 and 2018.
H|He had an [[MI]] at age 52.
H|She had a [[CVA]] in 2020 with no residual deficits.
H|Old [[inferior infarct]].
H|[[Hepatitis B]] exposure in the past.
H|In the past he had [[gout]] flares.
H|He reports a past history of [[kidney stones]].
H|Past history significant for [[meningitis]].
H|She has had [[UTIs]] in the past.
H|History of [[C. diff colitis]] after antibiotics last year.
H|History significant for [[bowel obstruction]] in 2019.
H|Her history includes [[endometriosis]] and infertility.
H|His history is remarkable for [[testicular cancer]] at age 25.
H|Remote history of [[IV drug use]].
H|He was once treated for [[gonorrhea]].
H|She has a remote history of [[anorexia nervosa]] as a teenager.
H|Former smoker with a history of [[bronchitis]].
H|Right [[femur fracture]] after a motor vehicle accident in 2008.
H|[[Left ankle fracture]] several years ago, healed.
H|Healed [[rib fractures]].
H|S/p [[TKA]] 2019.
H|Status post [[CABG]] times three.
H|Status post [[left mastectomy]] for breast cancer.
H|She is s/p [[total thyroidectomy]] for goiter.
H|S/p [[renal transplant]] for polycystic kidney disease.
H|Last year she had an [[ectopic pregnancy]].
H|Following a [[motor vehicle accident]] in 2015 she developed chronic neck pain.
H|Ex-smoker; [[lung nodule]] resected in 2018.
H|Prior [[DVT]] after knee surgery.
H|Prior episodes of [[pancreatitis]].
H|He has had two previous [[myocardial infarctions]].
H|Previous [[cesarean section]].
H|Past psychiatric history: [[bipolar disorder]] with one hospitalization in 2010.
H|Psychiatric history notable for [[PTSD]].
H|He was last hospitalized for [[heart failure]] in January.
H|Her [[thyroid cancer]] was resected in 2013.
H|She underwent treatment for [[Hodgkin disease]] as a young adult.
H|[[Polio]] as an infant with residual leg weakness.
H|He had [[mononucleosis]] in college.
H|Diagnosed with [[type 1 diabetes]] at age 9.
H|He was found to have [[colon polyps]] on colonoscopy five years ago.
H|She experienced [[postpartum hemorrhage]] after her last delivery.
H|Previously had [[H. pylori]], eradicated.
H|[[Atrial fibrillation]] status post ablation in 2021.
H|Childhood [[asthma]].
H|[[Anemia]] during pregnancy.
H|He once had a [[seizure]] after a head injury years ago.
H|Her [[depression]] was treated with sertraline for two years after her divorce.
H|Prior [[MRSA infection]] of the left leg.
H|He had [[COVID-19]] in 2021.
H|A colonoscopy in 2020 showed [[diverticulosis]].
H|History: [[hypertension]], hyperlipidemia, GERD; presents with cough.
H|Medical history: [[hypothyroidism]] and osteoarthritis.
H|She has a medical history of [[migraine]] and anxiety.
H|PMHx: [[HTN]], HLD.
H|Relevant history includes [[prior stroke]].
H|He has had [[pneumonia]] twice before.
H|Had [[appendicitis]] at 14.
H|Had [[breast cancer]] at 40, treated with mastectomy.
R|He presents with [[chest pain]] that began this morning.
R|She presents today with [[fever]] and chills.
R|Patient complains of [[shortness of breath]].
R|Currently with [[nausea]] and vomiting.
R|He is now [[hypotensive]].
R|Today she reports [[dysuria]].
R|New onset [[atrial fibrillation]].
R|New [[rash]] on the trunk.
R|[[Acute on chronic kidney injury]].
R|Acute on chronic [[systolic heart failure]].
R|Ongoing [[chest pain]] despite nitroglycerin.
R|Worsening [[shortness of breath]] over 2 days.
R|[[Cough]] for the past 3 days.
R|[[Fever]] since yesterday.
R|Since yesterday she has had [[abdominal pain]].
R|For the last week he has had [[diarrhea]].
R|She has had [[headaches]] for two weeks.
R|[[Back pain]] for 5 days.
R|Two days of [[vomiting]].
R|Three-day history of [[sore throat]].
R|A 3 day history of [[fever]] and cough.
R|One week history of [[productive cough]].
R|History of present illness: [[chest pain]] for two hours.
R|The history is notable for [[fevers]] since Monday.
R|HPI: 45M with [[syncope]] at work today.
R|Long-standing [[hypertension]], poorly controlled.
R|Longstanding [[atrial fibrillation]] on apixaban.
R|Chronic [[low back pain]], stable.
R|She has chronic [[kidney disease]] stage 3.
R|He has [[diabetes]] on insulin.
R|She is being treated for [[pneumonia]] with ceftriaxone.
R|Admitted for [[sepsis]] secondary to pyelonephritis.
R|He was admitted with [[diabetic ketoacidosis]].
R|She is admitted for [[COPD exacerbation]].
R|Presenting with [[syncope]].
R|Came in with [[altered mental status]].
R|Brought in by EMS for [[seizure]].
R|Reports [[palpitations]] this morning.
R|The patient states she has [[dizziness]].
R|Exam reveals [[wheezing]] bilaterally.
R|CT shows [[appendicitis]].
R|Chest X-ray demonstrates right lower lobe [[pneumonia]].
R|Labs consistent with [[acute kidney injury]].
R|Found to have [[hyperkalemia]] on arrival.
R|On admission he had [[hypoxia]].
R|Recently developed [[leg swelling]].
R|[[Hypertension]]: continue lisinopril.
R|[[Diabetes]], uncontrolled, A1c 11.
R|Assessment: [[community-acquired pneumonia]].
R|Impression: acute [[cholecystitis]].
R|He continues to have [[angina]].
R|Persistent [[cough]].
R|Her [[asthma]] is currently well controlled.
R|He still has [[gout]] flares every few months.
R|History of hypertension, now with [[chest pain]].
R|History of COPD, presents today with [[fever]].
R|History of asthma, here with [[wheezing]].
R|S/p cholecystectomy, now with [[abdominal pain]].
R|Status post CABG with new [[atrial fibrillation]].
R|Prior stroke, admitted with [[pneumonia]].
R|He has a history of diabetes and presents with a [[foot ulcer]].
R|A 70-year-old man with a history of CHF who presents with [[dyspnea]].
R|Known COPD, currently with [[hypercapnia]].
R|She was diagnosed with breast cancer in 2015 and now has [[bone metastases]].
R|History of alcohol use, admitted with [[pancreatitis]].
R|Previously healthy, now with [[jaundice]].
R|Her prior imaging was normal; today she has a [[pleural effusion]].
R|Compared to the previous study, there is a new [[pneumothorax]].
R|Prior to arrival he had [[chest pain]].
R|Prior to admission she developed [[confusion]].
R|He has had [[diarrhea]] since his last visit.
R|Since the last visit she has developed [[edema]].
R|[[Sepsis]] on this admission.
R|This admission is for [[heart failure]].
R|Currently being worked up for [[anemia]].
R|The patient is a poor historian with [[confusion]].
R|Clinical history: [[cough]] and fever.
R|History obtained from his wife; he has [[vomiting]].
R|Acute [[pancreatitis]].
R|She developed [[hives]] after the infusion today.
R|Now complaining of [[back pain]].
R|He is here for [[cellulitis]] of the left leg.
R|She has [[Crohn's disease]], currently flaring.
R|Active [[ulcerative colitis]].
R|Uncontrolled [[type 2 diabetes]].
R|Progressive [[dementia]].
R|[[Rheumatoid arthritis]] with active synovitis.
R|He has had [[polyuria]] for the past week.
R|Over the last 48 hours he developed [[fever]].
R|Tonight she has [[chest pressure]].
R|[[Cough]] started 4 days ago.
R|She was started on antibiotics yesterday for [[pneumonia]].
R|Past 24 hours: [[nausea]].
R|Interval history: [[rash]] has spread.
R|Despite a history of asthma, today's [[wheezing]] is new.
R|Follow-up for [[hypertension]].
R|[[Depression]], on sertraline, mood stable.
R|Heart failure with [[volume overload]].
Y|Return if [[fever]] develops.
Y|Rule out [[pulmonary embolism]].
Y|Watch for signs of [[infection]].
Y|If [[chest pain]] recurs, call 911.
Y|At risk for [[falls]].
Y|Evaluate for [[sepsis]].
RN|Denies [[chest pain]].
RN|No [[fever]] today.
RN|Negative for [[pneumonia]].
RN|[[Pulmonary embolism]] was ruled out.
RN|He currently has no [[shortness of breath]].
HN|No history of [[seizures]].
HN|Denies any history of [[stroke]].
HN|No prior [[surgeries]].
HN|No past history of [[blood clots]].
HF|Family history of [[colon cancer]].
HF|Her mother had [[breast cancer]] at age 45.
HF|Father died of [[myocardial infarction]] at 60.
RF|Her sister has [[lupus]].
RF|Mother with [[diabetes]].
HF|FH: [[coronary artery disease]] in father.
""".strip()

# Written after the first round of rule changes, never tuned on: a check that those changes
# carry over to wording the development set does not hold.
CHECK_SENTENCES = """
H|Pt has hx of [[ESRD]] on HD MWF.
H|He carries a diagnosis of [[multiple sclerosis]] since 2004.
H|PMHx significant for [[HIV]], last CD4 count 450.
H|Notable past history includes [[endocarditis]] in 2016.
H|His [[appendix]] was removed when he was 12.
H|Back in 2010 she had a [[pulmonary embolus]].
H|Underwent [[cholecystectomy]] in 2005.
H|[[Right hip fracture]] in 2019 treated with ORIF.
H|She reports a prior episode of [[pyelonephritis]].
H|He was in the ICU two years ago with [[septic shock]].
H|Remote [[MI]] (1999).
H|[[Breast cancer]] dx 2014, s/p lumpectomy and XRT.
H|He had a [[heart attack]] at 48.
H|She had [[rheumatic heart disease]] as a young girl.
H|During his previous hospitalization he developed [[C. difficile colitis]].
H|At his last visit he was diagnosed with [[gout]].
H|Her [[gestational hypertension]] with her first pregnancy resolved postpartum.
H|Past history of [[myocarditis]].
H|Prior [[CVA]] x2 with no residual deficit.
H|Previous [[TB]] exposure, treated with INH for 9 months.
H|[[Depression]] in her 30s, treated with fluoxetine.
H|Had [[shingles]] in college.
H|While in the Army he sustained a [[traumatic brain injury]].
H|Status post [[right nephrectomy]] for renal cell carcinoma.
H|Her history is significant for [[lupus nephritis]].
H|He has had three prior [[DVTs]].
H|She was hospitalized with [[COVID pneumonia]] in December 2020.
H|PAST MEDICAL HISTORY: [[Hyperthyroidism]]. Osteoporosis.
H|He was previously admitted for [[alcohol withdrawal]].
H|Prior [[hemorrhagic stroke]] in 2017.
H|[[Polyps]] found on colonoscopy 3 years ago.
H|He has a remote [[smoking history]].
H|She was diagnosed with [[celiac disease]] as a child.
H|In her early twenties she had [[bulimia]].
H|Known history of [[hepatitis B]].
H|[[Ulcerative colitis]], status post total colectomy.
H|He had [[malaria]] while working overseas in 1995.
H|S/P [[MVR]] in 2012.
H|Previous [[C-section]] x2.
H|Prior [[myocardial infarction]] and CABG.
R|Patient presents with [[right lower quadrant pain]].
R|He comes in today for [[worsening edema]].
R|She now has [[fever]] and rigors.
R|Currently complaining of [[headache]].
R|Admitted with [[acute pancreatitis]].
R|History of gout, now with acute [[knee swelling]].
R|S/p PCI, now presents with [[chest pain]].
R|With a past history of stroke, he now has [[right arm weakness]].
R|She has a history of smoking and presents with [[hemoptysis]].
R|Known CKD, now with [[hyperkalemia]].
R|[[Dyspnea]] for the past 2 days.
R|He developed [[fever]] last night.
R|Started having [[diarrhea]] 3 days ago.
R|[[Chest pain]] since this morning.
R|Symptoms of [[dysuria]] started yesterday.
R|New onset [[seizure]] today.
R|Worsening [[renal function]].
R|Ongoing [[hematuria]].
R|[[Sepsis]] due to urinary tract infection.
R|She continues to have [[nausea]].
R|Today he is [[febrile]].
R|He remains [[hypoxic]] on 4 L.
R|Long-standing [[COPD]] on home oxygen.
R|Chronic [[atrial fibrillation]], rate controlled.
R|The patient has [[type 2 diabetes]], well controlled.
R|CT abdomen: [[small bowel obstruction]].
R|Findings consistent with [[cholecystitis]].
R|HPI: 3 days of [[cough]].
R|The history is significant for [[vomiting]] since last night.
R|Interval development of [[pleural effusion]].
R|Since his last admission he has had more [[dyspnea]].
R|Prior to this admission she had [[syncope]].
R|His previous CT was normal, but today there is a [[mass]].
R|Compared with the prior exam, [[cardiomegaly]] is unchanged.
R|History of asthma, currently with [[bronchospasm]].
R|Hx of DM, here for [[cellulitis]].
R|Past medical history of hypertension; he reports [[chest tightness]] today.
R|He was brought in for [[confusion]].
R|Here with [[abdominal pain]].
R|[[Atrial fibrillation]] with rapid ventricular response.
""".strip()

# Written at the end of issue 8's rework and scored once before any further change: an
# estimate of how the final rules carry over to wording they were not tuned on.
CHECK2_SENTENCES = """
H|She reports having had [[bronchitis]] several times as a child.
H|PMH notable for [[paroxysmal atrial fibrillation]], on apixaban.
H|He is a 70 yo with [[CKD stage 4]] and gout who was sent in for hyperkalemia.
H|Pt with hx [[CVA]] 2016, residual dysarthria.
H|History of [[nephrolithiasis]] requiring lithotripsy in 2014.
H|He sustained a [[left tibial fracture]] in a skiing accident in 2002.
H|She was treated for [[postpartum depression]] after the birth of her son.
H|[[Herpes zoster]] involving the right flank two years ago.
H|Previous [[pneumothorax]] on the left.
H|Prior [[gastric bypass]] surgery for obesity.
H|PAST MEDICAL HISTORY: Significant for [[obstructive sleep apnea]] on CPAP.
H|Remote history of [[alcohol abuse]], none for 20 years.
H|He had [[tuberculosis]] in his twenties and was treated for nine months.
H|Her [[thyroid nodule]] was biopsied in 2018 and found to be benign.
H|Had [[kidney stones]] twice in the past.
H|S/p [[lap chole]] 2015.
H|[[Endocarditis]] in 2019 requiring valve replacement.
H|She has a remote history of [[breast cancer]], treated with lumpectomy.
H|[[Sarcoidosis]] diagnosed 15 years ago, not on treatment.
H|He has a past history of [[hepatitis C]], treated.
H|Known history of [[seizures]], last seizure 5 years ago.
H|She had [[preterm labor]] with her last pregnancy.
H|At his last admission he was treated for [[aspiration pneumonia]].
H|During her previous stay she developed [[delirium]].
H|He has had [[cellulitis]] of the right leg in the past.
H|[[Left MCA stroke]] in 2012 with residual aphasia.
H|[[Colon cancer]] status post hemicolectomy and chemotherapy in 2010.
H|He was hospitalized in 2021 for [[COVID-19 pneumonia]].
H|She underwent [[ovarian cystectomy]] at age 30.
H|Previously treated [[latent tuberculosis]].
R|Patient now presents with [[worsening cough]].
R|She is currently being treated for [[urinary tract infection]].
R|He reports [[new chest pain]] at rest.
R|Over the past 2 days she has had [[diarrhea]].
R|[[Shortness of breath]] started this morning.
R|She has had [[fevers]] since Sunday.
R|Today's labs show [[hyponatremia]].
R|Admitted to the ICU for [[septic shock]].
R|Patient with CHF now with [[acute kidney injury]].
R|History of diabetes, presenting with [[hyperglycemia]].
R|History of CAD s/p stent, now with [[unstable angina]].
R|Prior MI, here today with [[palpitations]].
R|[[Chronic obstructive pulmonary disease]] with acute exacerbation.
R|Her [[hypertension]] remains uncontrolled.
R|[[Heart failure]], decompensated.
R|Persistent [[fever]] despite antibiotics.
R|The patient has [[end-stage renal disease]] on hemodialysis.
R|Exam notable for [[right lower extremity edema]].
R|Ultrasound shows [[deep vein thrombosis]] in the left popliteal vein.
R|Developed [[atrial fibrillation]] postoperatively on day 2.
R|He was found to have [[hypokalemia]] and was repleted.
R|She complains of [[dizziness]] when standing.
R|Currently [[asymptomatic]].
R|Acute [[gout flare]] of the left first toe.
R|[[Anxiety]], well controlled on sertraline.
R|Her [[migraine]] started yesterday afternoon.
R|Long-standing [[osteoarthritis]] of both knees, worse this week.
R|On exam, [[wheezing]] throughout.
R|Since discharge he has had [[dyspnea]] on exertion.
R|He was recently diagnosed with [[pneumonia]] and is on azithromycin.
""".strip()

_MARK = re.compile(r"\[\[(.+?)\]\]")
_TEMPORALITY = {"H": "Historical", "R": "Recent", "Y": "Hypothetical"}


def records(spec: str = SENTENCES, prefix: str = "ctxdev") -> list[dict]:
    out = []
    for i, line in enumerate(spec.splitlines(), start=1):
        labels, marked = line.split("|", 1)
        m = _MARK.search(marked)
        if m is None or _MARK.search(marked, m.end()):
            raise SystemExit(f"line {i}: mark exactly one condition: {line!r}")
        text = marked[: m.start()] + m.group(1) + marked[m.end() :]
        start, end = m.start(), m.start() + len(m.group(1))
        out.append(
            {
                "id": f"{prefix}-{i:04d}",
                "text": text,
                "concept": {"start": start, "end": end, "text": text[start:end]},
                "temporality": _TEMPORALITY[labels[0]],
                "negation": "Negated" if "N" in labels else "Affirmed",
                "experiencer": "Other" if "F" in labels else "Patient",
            }
        )
    return out


if __name__ == "__main__":
    which = sys.argv[1] if sys.argv[1:] else "dev"
    spec, prefix = {
        "dev": (SENTENCES, "ctxdev"),
        "check": (CHECK_SENTENCES, "ctxcheck"),
        "check2": (CHECK2_SENTENCES, "ctxcheck2"),
    }[which]
    for r in records(spec, prefix):
        print(json.dumps(r))
