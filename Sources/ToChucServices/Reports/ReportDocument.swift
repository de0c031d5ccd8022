import Foundation
import ToChucDomain

/// The briefing report as a document (DOMAIN.md §5): sections of sentences in the form of the seeds ("Kết nạp 1.666 đảng
/// viên mới, tăng 518 so với năm 2021") and the table of figures — one content for the page, .docx, .xlsx and PDF.
public enum ReportDocument {
    /// One line of the figures table: its label, the value, the same period a year earlier when the report has it, and
    /// the value as written.
    public struct FigureLine: Sendable, Equatable {
        public let key: String
        public let label: String
        public let value: Int
        public let previous: Int?
        public let text: String
    }

    /// The title of the report.
    public static func title(_ r: BriefingReport, _ language: Language) -> String {
        Catalogue.reportTitle(r.unitName, r.period.label).text(language)
    }

    /// The figures as table lines, every count a number.
    public static func figureLines(_ r: BriefingReport, _ language: Language) -> [FigureLine] {
        let f = r.figures
        func n(_ x: Int) -> String { language == .vi ? VietnameseFormat.integer(x) : EnglishFormat.integer(x) }
        func line(_ key: String, _ label: Localized, _ value: Int, previous: Int? = nil, text: String? = nil) -> FigureLine {
            FigureLine(key: key, label: label.text(language), value: value, previous: previous, text: text ?? n(value))
        }
        var lines = [
            line("cells", Catalogue.figureCells, f.cells),
            line("cells_with_committee", Catalogue.figureCellsWithCommittee, f.cellsWithCommittee,
                 text: language == .vi ? VietnameseFormat.ratio(f.cellsWithCommittee, f.cells) : EnglishFormat.ratio(f.cellsWithCommittee, f.cells)),
            line("admitted", Catalogue.figureAdmitted, f.admitted, previous: f.admittedPrevious),
            line("recognized", Catalogue.figureRecognized, f.recognized),
            line("transferred_out", Catalogue.figureTransferredOut, f.transferredOut),
        ]
        for kind in ReportService.leavingKinds { lines.append(line("left." + kind.rawValue, kind.label, f.left[kind.rawValue] ?? 0)) }
        lines.append(line("new_units_non_state", Catalogue.figureNewUnitsNonState, f.newUnitsNonState))
        for level in ManagementLevel.allCases {
            lines.append(line("approvals." + level.rawValue, Catalogue.approvalsOf(level.label), f.approvals[level.rawValue] ?? 0))
        }
        lines += [
            line("trained", Catalogue.figureTrained, f.trained),
            line("courses_organized", Catalogue.figureCoursesOnly, f.coursesOrganized),
            line("course_trainees", Catalogue.figureCourseTrainees, f.courseTrainees),
            line("vetting_concluded", Catalogue.figureVettingConcluded, f.vettingConcluded),
            line("proposals_answered", Catalogue.figureProposalsAnswered, f.proposalsAnswered),
            line("tasks_open", Catalogue.figureTasksOpen, f.tasksOpen),
        ]
        for kind in CongressService.reportKinds {
            let c = f.congress[kind.rawValue]
            let label = Catalogue.congressOf(kind.label)
            lines.append(line("congress.\(kind.rawValue).held", Catalogue.congressHeldLine(label), c?.held ?? 0))
            lines.append(line("congress.\(kind.rawValue).total", Catalogue.congressTotalLine(label), c?.total ?? 0))
            lines.append(line("congress.\(kind.rawValue).pilot", Catalogue.congressPilotLine(label), c?.pilot ?? 0))
            lines.append(line("congress.\(kind.rawValue).direct_secretary", Catalogue.congressDirectLine(label), c?.directSecretary ?? 0))
        }
        for rating in Rating.allCases {
            lines.append(line("ratings." + rating.rawValue, Catalogue.ratingsOf(Catalogue.ratingSubject(.member), rating.label), f.ratings[rating.rawValue] ?? 0))
        }
        for rating in Rating.allCases {
            lines.append(
                line("ratings_units." + rating.rawValue, Catalogue.ratingsOf(Catalogue.ratingSubject(.unit), rating.label), f.ratingsUnits[rating.rawValue] ?? 0))
        }
        return lines
    }

    /// The report's sections, in the order of a briefing report, as sentences.
    public static func sections(_ r: BriefingReport, _ language: Language) -> [(heading: String, sentences: [String])] {
        let f = r.figures
        let t = { (l: Localized) in l.text(language) }
        var cadreWork = [t(Catalogue.sentenceApprovals(f.approvals))]
        cadreWork.append(t(Catalogue.sentenceTraining(f.trained, f.coursesOrganized, f.courseTrainees)))
        cadreWork.append(t(Catalogue.sentenceVetting(f.vettingConcluded)))
        return [
            (t(Catalogue.sectionOrganization), [
                t(Catalogue.sentenceCells(f.cellsWithCommittee, f.cells)), t(Catalogue.sentenceNewUnits(f.newUnitsNonState)),
            ]),
            (t(Catalogue.sectionMembers), [
                t(Catalogue.sentenceAdmitted(f.admitted, f.admittedPrevious, r.period.yearEarlier.label)), t(Catalogue.sentenceRecognized(f.recognized)),
                t(Catalogue.sentenceLeft(transferredOut: f.transferredOut, left: f.left)),
            ]),
            (t(Catalogue.sectionCadres), cadreWork),
            (t(Catalogue.sectionCongress), [
                t(Catalogue.progressSentence(r.period.to, levels: CongressService.reportKinds.compactMap { kind in
                    f.congress[kind.rawValue].flatMap {
                        $0.total > 0
                            ? CongressLevelProgress(kind: kind, total: $0.total, held: $0.held, pilot: $0.pilot, directSecretary: $0.directSecretary) : nil
                    }
                }))
            ]),
            (t(Catalogue.sectionAssessment), [
                t(Catalogue.sentenceRatings(Catalogue.ratingSubject(.member), f.ratings, ReportService.reviewPeriod(r.period).label)),
                t(Catalogue.sentenceRatings(Catalogue.ratingSubject(.unit), f.ratingsUnits, ReportService.reviewPeriod(r.period).label)),
            ]),
            (t(Catalogue.sectionBetween), [
                t(Catalogue.sentenceProposalsAnswered(f.proposalsAnswered)), t(Catalogue.sentenceTasksOpen(f.tasksOpen, r.period.to)),
            ]),
        ]
    }

    /// The line under the title: the dates counted, who prepared it and when.
    public static func subtitle(_ r: BriefingReport, _ language: Language, preparedBy: String, at date: Date) -> String {
        let from = language == .vi ? VietnameseFormat.date(r.period.from) : EnglishFormat.date(r.period.from)
        let to = language == .vi ? VietnameseFormat.date(r.period.to) : EnglishFormat.date(r.period.to)
        let when = language == .vi ? VietnameseFormat.dateTime(date) : EnglishFormat.dateTime(date)
        return Catalogue.reportSubtitle(from, to, preparedBy, when).text(language)
    }

    /// The document's blocks: title, subtitle, sections of sentences, the table of figures.
    public static func blocks(_ r: BriefingReport, _ language: Language, preparedBy: String, at date: Date = Date()) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [.title(title(r, language)), .subtitle(subtitle(r, language, preparedBy: preparedBy, at: date))]
        for section in sections(r, language) {
            blocks.append(.heading(section.heading))
            blocks += section.sentences.map(DocumentBlock.bullet)
        }
        blocks.append(.heading(Catalogue.reportFiguresTable.text(language)))
        let header = [Catalogue.reportFigure, Catalogue.reportValue, Catalogue.reportYearEarlier].map { $0.text(language) }
        blocks.append(.table([header] + figureLines(r, language).map { [$0.label, $0.text, $0.previous.map { String($0) } ?? ""] }))
        return blocks
    }

    public static func docx(_ r: BriefingReport, _ language: Language, preparedBy: String, at date: Date = Date()) throws -> Data {
        try DOCX.data(blocks(r, language, preparedBy: preparedBy, at: date))
    }

    /// A workbook: the figures (numbers stored as numbers, with the key of the JSON contract) and the sentences.
    public static func xlsx(_ r: BriefingReport, _ language: Language, preparedBy: String, at date: Date = Date()) throws -> Data {
        let header = [Catalogue.reportFigureKey, Catalogue.reportFigure, Catalogue.reportValue, Catalogue.reportYearEarlier].map {
            XLSXCell.text($0.text(language))
        }
        let figures = figureLines(r, language).map { line -> [XLSXCell] in
            [.text(line.key), .text(line.label), .number(Double(line.value)), line.previous.map { .number(Double($0)) } ?? .empty]
        }
        var text: [[XLSXCell]] = [[.text(title(r, language))], [.text(subtitle(r, language, preparedBy: preparedBy, at: date))]]
        for section in sections(r, language) {
            text.append([.text(section.heading)])
            text += section.sentences.map { [.text($0)] }
        }
        return try XLSX.data([
            XLSXSheet(name: Catalogue.reportFiguresSheet.text(language), rows: [header] + figures),
            XLSXSheet(name: Catalogue.reportTextSheet.text(language), rows: text),
        ])
    }
}
