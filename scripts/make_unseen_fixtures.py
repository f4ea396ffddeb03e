"""Write the Word (.docx) and PDF documents of tests/unseen/, the unseen-layout scoreboard.

A university job description and a transit district class specification are usually
kept in Word: a labelled header table (Job Code, Pay Grade, FLSA ...), "Heading"-styled
section names, bulleted lists, and a page footer with the revision line. The content is
written out below, block by block, so the files can be rebuilt from this script:
    python scripts/make_unseen_fixtures.py          # the .docx files
    python scripts/make_unseen_fixtures.py --pdf    # also the PDFs (needs LibreOffice)
A PDF is printed by LibreOffice's Writer from its HTML source in tests/unseen/sources/,
as make_pdf_fixtures.py prints the corpus PDFs.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import docx

REPO = Path(__file__).resolve().parents[1]
UNSEEN = REPO / "tests" / "unseen"

# A block is (kind, content): "title", "h1", "h2", "text", "bold", "bullet", "number",
# "table" (rows of cells), "header" or "footer" (the section's page header or footer).
Block = tuple[str, object]

UNIVERSITY: list[Block] = [
    ("text", "Northern Plains State University"),
    ("text", "Office of Human Resources"),
    ("title", "Job Description"),
    (
        "table",
        [
            ["Job Title:", "Research Laboratory Technician II"],
            ["Job Code:", "RL2207"],
            ["Pay Grade:", "U07"],
            ["FLSA Status:", "Non-Exempt"],
            ["Job Family:", "Research and Laboratory"],
            ["Employee Group:", "University Staff"],
            ["Last Updated:", "August 2023"],
        ],
    ),
    ("h1", "Job Summary"),
    (
        "text",
        "Performs a variety of technical laboratory procedures in support of faculty research "
        "projects, including sample preparation, the operation of analytical instruments, data "
        "collection and the day-to-day operation of a research laboratory. Works under the "
        "general direction of the Principal Investigator or Laboratory Manager.",
    ),
    ("h1", "Essential Functions"),
    ("bullet", "Prepares samples, reagents, media and solutions according to established protocols."),
    (
        "bullet",
        "Operates, calibrates and maintains laboratory instruments such as spectrophotometers, "
        "centrifuges, PCR systems and microscopes.",
    ),
    (
        "bullet",
        "Performs experiments and assays, records observations and compiles data in laboratory notebooks "
        "and databases.",
    ),
    (
        "bullet",
        "Performs preliminary analysis of experimental data and prepares tables and graphs for review.",
    ),
    ("bullet", "Orders and maintains inventory of laboratory supplies and equipment."),
    ("bullet", "Ensures compliance with laboratory safety, hazardous waste and biosafety regulations."),
    ("bullet", "Trains and oversees student workers in laboratory procedures."),
    ("h1", "Marginal Functions"),
    ("bullet", "Assists with the preparation of grant reports and manuscripts."),
    ("bullet", "Performs other duties as assigned."),
    ("h1", "Minimum Requirements"),
    (
        "text",
        "Bachelor's degree in biology, chemistry, biochemistry or a related field and one (1) "
        "year of laboratory experience.",
    ),
    ("h1", "Preferred Qualifications"),
    ("bullet", "Experience with molecular biology techniques and cell culture."),
    ("bullet", "Experience with laboratory information management systems."),
    ("h1", "Knowledge, Skills and Abilities"),
    ("bullet", "Knowledge of laboratory safety practices and procedures."),
    ("bullet", "Knowledge of standard laboratory techniques and equipment."),
    ("bullet", "Skill in maintaining accurate and detailed records."),
    ("bullet", "Ability to follow complex written protocols."),
    ("bullet", "Ability to work independently and as part of a research team."),
    ("h1", "Physical Requirements"),
    (
        "text",
        "Ability to stand for extended periods, lift up to 25 pounds, and perform repetitive "
        "fine motor tasks. Must be able to wear personal protective equipment.",
    ),
    ("h1", "Working Conditions"),
    (
        "text",
        "Laboratory environment with potential exposure to hazardous chemicals, biological "
        "materials and radioactive substances. Occasional evening or weekend work to monitor "
        "experiments may be required.",
    ),
    (
        "text",
        "This job description is not intended to be all-inclusive. Employees will perform "
        "other related duties as required to meet the ongoing needs of the University.",
    ),
    (
        "footer",
        "Northern Plains State University is an equal opportunity/affirmative action employer. "
        "RL2207 Research Laboratory Technician II",
    ),
]

TRANSIT: list[Block] = [
    ("bold", "METRO VALLEY TRANSIT DISTRICT"),
    ("text", "CLASS SPECIFICATION"),
    (
        "table",
        [
            ["Class Title:", "Bus Maintenance Supervisor", "Job Code:", "5830"],
            ["Pay Grade:", "M14", "FLSA:", "Exempt"],
            [
                "Bargaining Unit:",
                "Unrepresented Management",
                "Salary:",
                "$42.18 - $56.92 Hourly / $87,734 - $118,394 Annually",
            ],
            ["Date Adopted:", "June 1, 2012", "Date Revised:", "March 15, 2024"],
        ],
    ),
    ("h1", "DEFINITION"),
    (
        "text",
        "Under general direction, plans, assigns, supervises and reviews the work of mechanics and "
        "service workers engaged in the inspection, maintenance and repair of the District's bus "
        "fleet on an assigned shift; ensures that vehicles are safe, reliable and available for "
        "revenue service.",
    ),
    ("h1", "DISTINGUISHING CHARACTERISTICS"),
    (
        "text",
        "Bus Maintenance Supervisor is the first-line supervisory class in the maintenance "
        "series. It is distinguished from the Superintendent of Maintenance, which has overall "
        "responsibility for the maintenance division.",
    ),
    ("h1", "ESSENTIAL JOB FUNCTIONS"),
    (
        "number",
        "Plans, schedules, assigns and inspects the work of mechanics, apprentices and service workers.",
    ),
    (
        "number",
        "Monitors preventive maintenance schedules and ensures that inspections are performed on time.",
    ),
    (
        "number",
        "Diagnoses complex mechanical, electrical and hybrid-electric drive problems and directs repairs.",
    ),
    ("number", "Reviews work orders, parts usage and labor records in the maintenance management system."),
    ("number", "Evaluates employee performance, recommends discipline and conducts safety meetings."),
    ("number", "Investigates vehicle failures and road calls and recommends corrective action."),
    ("number", "Ensures compliance with FTA, CHP and Cal/OSHA regulations and District policies."),
    ("number", "Performs other related duties as assigned."),
    ("h1", "MINIMUM QUALIFICATIONS"),
    ("h2", "Knowledge of:"),
    ("bullet", "Principles of diesel, CNG and hybrid-electric bus maintenance and repair."),
    ("bullet", "Principles of supervision, training and performance evaluation."),
    ("bullet", "Safety practices and hazardous materials handling."),
    ("h2", "Ability to:"),
    ("bullet", "Plan, organize and supervise the work of skilled mechanics."),
    ("bullet", "Diagnose mechanical and electrical failures."),
    ("bullet", "Prepare clear and concise reports."),
    ("h2", "Education and Experience:"),
    (
        "text",
        "Graduation from high school or GED equivalent, and five (5) years of journey-level "
        "experience in heavy-duty vehicle maintenance, including two (2) years in a lead or "
        "supervisory capacity. An associate degree in automotive technology may substitute "
        "for one year of the non-supervisory experience.",
    ),
    ("h2", "Licenses and Certificates:"),
    (
        "text",
        "Possession of a valid California Class B driver's license with passenger endorsement "
        "and air brake certification at time of appointment.",
    ),
    ("h1", "SPECIAL REQUIREMENTS"),
    (
        "text",
        "This position is subject to the District's drug and alcohol testing program under "
        "49 CFR Part 655. Must be able to work any shift, weekends and holidays. Probationary "
        "period: twelve (12) months.",
    ),
    ("h1", "WORKING CONDITIONS"),
    (
        "text",
        "Work is performed in a maintenance shop environment with exposure to noise, fumes, "
        "grease and moving vehicles; occasional outdoor work in all weather conditions.",
    ),
    (
        "footer",
        "Metro Valley Transit District is an Equal Opportunity Employer.  Bus Maintenance Supervisor (5830)",
    ),
]

WATER_DISTRICT: list[Block] = [
    ("header", "Clearwater Valley Water District        Maintenance Mechanic II - Job Code 3340"),
    ("title", "Maintenance Mechanic II"),
    (
        "table",
        [
            ["Department:", "Operations and Maintenance", "FLSA:", "Non-Exempt"],
            ["Salary Range:", "$32.80 - $41.86 per hour", "Unit:", "General Employees"],
        ],
    ),
    ("h1", "Summary"),
    (
        "text",
        "Performs skilled mechanical maintenance and repair of pumps, motors, valves and treatment "
        "equipment at the District's water treatment plant, wells and booster stations.",
    ),
    ("h1", "Essential Duties"),
    ("bullet", "Disassembles, repairs and rebuilds pumps, gearboxes, blowers and chemical feed equipment."),
    ("bullet", "Performs scheduled preventive maintenance and lubrication of plant equipment."),
    ("bullet", "Aligns pumps and motors using laser alignment tools."),
    ("bullet", "Fabricates and welds brackets, supports and piping."),
    ("bullet", "Records work in the computerized maintenance management system."),
    ("h1", "Qualifications"),
    ("bold", "Education/Experience:"),
    (
        "text",
        "High school diploma or GED and three (3) years of experience in industrial mechanical "
        "maintenance, preferably in a water or wastewater facility.",
    ),
    ("bold", "Certificates/Licenses:"),
    (
        "text",
        "Valid California Class C driver's license. California Water Treatment Operator Grade T2 "
        "certificate within eighteen (18) months of hire.",
    ),
    ("h1", "Physical Demands"),
    (
        "table",
        [
            ["Activity", "Frequency"],
            ["Standing and walking", "Frequently"],
            ["Climbing ladders", "Occasionally"],
            ["Lifting up to 50 pounds", "Occasionally"],
        ],
    ),
    ("h1", "Work Environment"),
    (
        "text",
        "Work is performed in plant and field settings with exposure to noise, chemicals, confined "
        "spaces and outdoor weather.",
    ),
    ("footer", "Revised 04/2022. Clearwater Valley Water District is an equal opportunity employer."),
]


def write_docx(blocks: list[Block], path: Path) -> None:
    document = docx.Document()
    styles = {
        "title": "Title",
        "h1": "Heading 1",
        "h2": "Heading 2",
        "bullet": "List Bullet",
        "number": "List Number",
    }
    for kind, content in blocks:
        if kind == "table":
            rows = list(content)  # type: ignore[arg-type]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for cells, row in zip(rows, table.rows, strict=True):
                for text, cell in zip(cells, row.cells, strict=True):
                    cell.text = text
        elif kind == "footer":
            document.sections[0].footer.paragraphs[0].text = str(content)
        elif kind == "header":
            document.sections[0].header.paragraphs[0].text = str(content)
        elif kind == "bold":
            document.add_paragraph().add_run(str(content)).bold = True
        else:
            document.add_paragraph(str(content), style=styles.get(kind))
    # A fixed date keeps the file byte-identical between runs.
    document.core_properties.created = document.core_properties.modified = datetime.datetime(2024, 1, 1)
    document.save(path)


def write_pdfs() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from make_pdf_fixtures import HTML_FILTER, soffice

    soffice(sorted((UNSEEN / "sources").glob("*.html")), UNSEEN, HTML_FILTER)


def main() -> None:
    write_docx(UNIVERSITY, UNSEEN / "university-research-laboratory-technician.docx")
    write_docx(TRANSIT, UNSEEN / "transit-bus-maintenance-supervisor.docx")
    write_docx(WATER_DISTRICT, UNSEEN / "water-district-maintenance-mechanic.docx")
    if "--pdf" in sys.argv[1:]:
        write_pdfs()


if __name__ == "__main__":
    main()
