import Foundation
import Logging
import ToChucStorage

/// `tochuc serve --backup-every 24h --backup-dir DIR --backup-keep 7`: backups taken by the running server.
enum BackupSchedule {
    /// `90s`, `30m`, `24h`, `1d`; a bare number is hours. Nil when malformed or not positive.
    static func interval(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        var digits = Substring(trimmed)
        var seconds: Int64 = 3_600
        if let last = trimmed.last, let unit = units[last] {
            digits = trimmed.dropLast()
            seconds = unit
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let count = Int64(digits), count > 0, count <= 366 * 86_400 else { return nil }
        return .seconds(count * seconds)
    }

    /// Runs until cancelled: wait one interval, back up, keep the newest `keep`. A failed backup is logged and the
    /// schedule goes on (the next one may succeed: a full disk gets freed).
    static func start(_ location: DatabaseLocation, every interval: Duration, directory: String, keep: Int, logger: Logger) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                do {
                    let file = try await ToChucStorage.Backup.scheduled(location, directory: directory, keep: keep)
                    logger.info("backup written", metadata: ["file": .string(file)])
                } catch {
                    logger.error("scheduled backup failed", metadata: ["error": .string(String(describing: error))])
                }
            }
        }
    }
}
