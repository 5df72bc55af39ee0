#pragma once

#include <QString>

// Where a rule goes, as the REST API's move action takes it (MoveRuleTo): to the top or bottom
// of a folder (which also moves it to that folder), or before or after another rule.
struct RulePosition
{
    enum class Kind { TopOfFolder, BottomOfFolder, BeforeRule, AfterRule };
    Kind kind = Kind::BottomOfFolder;
    QString folder; // TopOfFolder, BottomOfFolder
    QString ruleId; // BeforeRule, AfterRule

    static RulePosition top(const QString &folder) { return { Kind::TopOfFolder, folder, {} }; }
    static RulePosition bottom(const QString &folder)
    {
        return { Kind::BottomOfFolder, folder, {} };
    }
    static RulePosition before(const QString &id) { return { Kind::BeforeRule, {}, id }; }
    static RulePosition after(const QString &id) { return { Kind::AfterRule, {}, id }; }
};
