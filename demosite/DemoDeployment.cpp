#include "DemoDeployment.h"

int DemoDeployment::ruleIndex(const QString &id) const
{
    for (int i = 0; i < configured.rules.size(); ++i) {
        if (configured.rules.at(i).id == id)
            return i;
    }
    return -1;
}
