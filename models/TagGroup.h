#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// A host tag group with its tags, as the site lists them, for condition editors.
struct TagGroup
{
    struct Tag
    {
        QString id; // empty for the "not set" choice of a checkbox group
        QString title;
        friend bool operator==(const Tag &a, const Tag &b)
        {
            return a.id == b.id && a.title == b.title;
        }
    };

    QString id;
    QString title;
    QList<Tag> tags;

    // The tag's title, or the id itself when the group does not know it.
    QString tagTitle(const QString &tagId) const;
    bool hasTag(const QString &tagId) const;

    friend bool operator==(const TagGroup &a, const TagGroup &b)
    {
        return a.id == b.id && a.title == b.title && a.tags == b.tags;
    }
};

Q_DECLARE_METATYPE(TagGroup)
