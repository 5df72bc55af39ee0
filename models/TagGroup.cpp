#include "TagGroup.h"

QString TagGroup::tagTitle(const QString &tagId) const
{
    for (const Tag &tag : tags) {
        if (tag.id == tagId)
            return tag.title.isEmpty() ? tag.id : tag.title;
    }
    return tagId;
}

bool TagGroup::hasTag(const QString &tagId) const
{
    for (const Tag &tag : tags) {
        if (tag.id == tagId)
            return true;
    }
    return false;
}
